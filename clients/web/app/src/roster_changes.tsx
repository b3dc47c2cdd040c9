// Roster changes between meetings on the secretary's desk (代表变动): a delegate leaves, an
// alternate is seated (in the place of one who left), a delegate joins by a by-election — each
// with its reason and date, recorded as an event, never a silent edit — and the list of the
// changes made so far in the term. The server refuses them while a sitting is open.
import { useState } from "preact/hooks";
import { ActionButton } from "./actions";
import type { BoardEvent, PlenumClient } from "./client";
import { t } from "./i18n";
import { termPersons } from "./term_roster";
import { Card } from "./ui";
import { useFollowUp } from "./followup_desk";
import { DateField, PersonSelect, todayIso } from "./form_fields";

type Change = "left" | "alternate" | "added";

/** The changes so far and the three forms, one shown at a time. */
export function RosterChanges(props: { client: PlenumClient; board: readonly BoardEvent[]; sittingOpen: boolean }) {
  const [view] = useFollowUp(props.client, props.board.length);
  const persons = termPersons(props.board);
  const nameOf = (n: string) => (n ? `${persons.get(n)?.name ?? n}（${n}）` : "—");
  const changes = ((view?.["roster_changes"] ?? []) as any[]).slice().reverse();
  const [form, setForm] = useState<Change>("left");
  return (
    <>
      <Card title={t("roster_change_title")} testid="roster-change" class="wide">
        <p class="muted small">{t("roster_change_hint")}</p>
        {props.sittingOpen && (
          <p class="error" data-testid="roster-change-blocked">
            {t("roster_change_sitting_open")}
          </p>
        )}
        <div class="row wrap" role="group" aria-label={t("roster_change_kind")}>
          {(["left", "alternate", "added"] as const).map((c) => (
            <button type="button" class={form === c ? "on" : ""} aria-pressed={form === c} onClick={() => setForm(c)} data-testid={`change-kind-${c}`}>
              {t(`change_${c}`)}
            </button>
          ))}
        </div>
        {form === "left" && <LeftForm client={props.client} board={props.board} />}
        {form === "alternate" && <AlternateForm client={props.client} board={props.board} />}
        {form === "added" && <AddedForm client={props.client} />}
      </Card>
      <Card title={t("roster_changes_list")} testid="roster-changes" class="wide">
        {changes.length === 0 && <p class="muted">{t("no_roster_changes")}</p>}
        <ul class="followup-list">
          {changes.map((c) => (
            <li key={c.seq} data-testid={`roster-change-${c.seq}`}>
              <div class="proposal-head">
                <strong>{nameOf(c.person)}</strong>
                <span class="tag">{t(`change_kind_${c.kind}`)}</span>
                <span class="muted">{c.date}</span>
              </div>
              <p class="small proposal-facts">
                {c.replaces && <span>{t("change_replaces", { name: nameOf(c.replaces) })}</span>}
                {c.reason && <span>{t("change_reason_is", { reason: c.reason })}</span>}
              </p>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

function LeftForm(props: { client: PlenumClient; board: readonly BoardEvent[] }) {
  const delegates = [...termPersons(props.board).values()].filter((p) => p.delegate);
  const [person, setPerson] = useState("");
  const [reason, setReason] = useState("");
  const [date, setDate] = useState(todayIso());
  const chosen = delegates.find((d) => d.number === person);
  return (
    <div class="form" data-testid="form-left">
      <PersonSelect label={t("change_person")} persons={delegates} value={person} onChange={setPerson} testid="left-person" />
      <label>
        {t("change_reason")}
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} placeholder={t("change_left_reason_example")} data-testid="left-reason" />
      </label>
      <DateField label={t("change_date")} value={date} onChange={setDate} testid="left-date" />
      <ActionButton
        class="primary"
        label={t("change_left")}
        actionKey="record_delegate_left"
        testid="left-save"
        disabled={!person || !reason.trim() || !date}
        note={!person || !reason.trim() ? t("change_needs_person_reason") : null}
        confirm={chosen ? { title: t("confirm_left", { name: chosen.name }), consequence: t("consequence_left") } : undefined}
        done={t("done_change")}
        action={() => props.client.request("record_delegate_left", { person, reason: reason.trim(), date }).then(() => {
            setPerson("");
            setReason("");
          })}
      />
    </div>
  );
}

function AlternateForm(props: { client: PlenumClient; board: readonly BoardEvent[] }) {
  const all = [...termPersons(props.board).values()];
  const alternates = all.filter((p) => !p.delegate && p.roles.includes("alternate"));
  const left = all.filter((p) => p.left);
  const [person, setPerson] = useState("");
  const [replaces, setReplaces] = useState("");
  const [date, setDate] = useState(todayIso());
  return (
    <div class="form" data-testid="form-alternate">
      {alternates.length === 0 && <p class="muted">{t("no_alternates")}</p>}
      <PersonSelect label={t("change_alternate_person")} persons={alternates} value={person} onChange={setPerson} testid="alternate-person" />
      <PersonSelect label={t("change_replaces_label")} persons={left} value={replaces} onChange={setReplaces} testid="alternate-replaces" none={t("change_replaces_none")} />
      <DateField label={t("change_date")} value={date} onChange={setDate} testid="alternate-date" />
      <ActionButton
        class="primary"
        label={t("change_alternate")}
        actionKey="seat_alternate"
        testid="alternate-save"
        disabled={!person || !date}
        done={t("done_change")}
        action={() => props.client.request("seat_alternate", { person, date, ...(replaces ? { replaces } : {}) }).then(() => setPerson(""))}
      />
    </div>
  );
}

function AddedForm(props: { client: PlenumClient }) {
  const empty = { number: "", name: "", gender: "", unit: "", group: "", reason: "", date: todayIso() };
  const [f, setF] = useState(empty);
  const field = (key: keyof typeof empty, labelKey: string, extra: Record<string, string> = {}) => (
    <label>
      {t(labelKey)}
      <input value={f[key]} onInput={(e) => setF({ ...f, [key]: e.currentTarget.value })} data-testid={`added-${key}`} {...extra} />
    </label>
  );
  const ready = f.number.trim() && f.name.trim() && f.gender && f.reason.trim() && f.date;
  return (
    <div class="form" data-testid="form-added">
      {field("number", "number")}
      {field("name", "name")}
      <fieldset class="status-choice">
        <legend>{t("gender")}</legend>
        {(["F", "M"] as const).map((g) => (
          <button type="button" class={f.gender === g ? "on" : ""} aria-pressed={f.gender === g} onClick={() => setF({ ...f, gender: g })} data-testid={`added-gender-${g}`}>
            {t(`gender_${g}`)}
          </button>
        ))}
      </fieldset>
      {field("unit", "unit")}
      {field("group", "group")}
      {field("reason", "change_reason", { placeholder: t("change_added_reason_example") })}
      <DateField label={t("change_date")} value={f.date} onChange={(date) => setF({ ...f, date })} testid="added-date" />
      <ActionButton
        class="primary"
        label={t("change_added")}
        actionKey="add_delegate"
        testid="added-save"
        disabled={!ready}
        note={!ready ? t("change_needs_added") : null}
        done={t("done_change")}
        action={() =>
          props.client
            .request("add_delegate", {
              number: f.number.trim(),
              name: f.name.trim(),
              gender: f.gender,
              reason: f.reason.trim(),
              date: f.date,
              ...(f.unit.trim() ? { unit: f.unit.trim() } : {}),
              ...(f.group.trim() ? { group: f.group.trim() } : {}),
            })
            .then(() => setF(empty))
        }
      />
    </div>
  );
}
