// Three-level contact (三级联系) on the liaison office's desk: each party committee member's
// delegates (the list set here, 2–3 asked), each delegate's party members (3–5) and each
// member's residents (3 or more), every count beside the rule and what is missing said in plain
// words; registering a contact (name and village or unit only) and removing one with a reason.
import { useState } from "preact/hooks";
import { ActionButton } from "./actions";
import type { BoardEvent, PlenumClient } from "./client";
import { ContactForm, RemoveContact, contactName } from "./contact_form";
import { type CommitteeContacts, type Contact, type ContactsView, type DelegateContacts, gapText, ruleText, useContacts } from "./contacts";
import { label, listSep, t } from "./i18n";
import { currentDelegates } from "./term_roster";
import { Card } from "./ui";
import "./contacts.css";

/** The desk's 三级联系 section. */
export function ContactsDesk(props: { client: PlenumClient; board: readonly BoardEvent[] }) {
  const [view, loaded, reload] = useContacts(props.client, props.board.length);
  const names = new Map(currentDelegates(props.board).map((d) => [d.number, d.name]));
  return (
    <>
      <CommitteeCard client={props.client} board={props.board} view={view} loaded={loaded} names={names} reload={reload} />
      <DelegatesCard client={props.client} view={view} loaded={loaded} reload={reload} />
    </>
  );
}

/** A count with the rule it is held against, and the gap in words, coloured. */
export function CountLine(props: { count: number; min: number; max: number | null; what: "delegate" | "member" | "resident"; testid: string }) {
  const gap = props.count < props.min ? "below" : props.max !== null && props.count > props.max ? "above" : "ok";
  return (
    <span class="count-line" data-testid={props.testid}>
      <span>{t(`contact_count_${props.what}`, { n: props.count })}</span>
      <span class="muted small">{ruleText(props.min, props.max, props.what)}</span>
      <span class={`tag gap gap-${gap}`} data-testid={`${props.testid}-gap`}>
        {gapText(props.count, props.min, props.max, props.what)}
      </span>
    </span>
  );
}

function CommitteeCard(props: { client: PlenumClient; board: readonly BoardEvent[]; view: ContactsView; loaded: boolean; names: Map<string, string>; reload: () => Promise<void> }) {
  const { committee, bounds } = props.view;
  const short = committee.filter((c) => c.gap !== "ok").length;
  return (
    <Card title={t("committee_contacts_title")} testid="committee-contacts" class="wide">
      <p class="muted small">{t("committee_contacts_hint", { min: bounds.committee[0], max: bounds.committee[1] })}</p>
      {props.loaded && committee.length === 0 && <p class="muted">{t("committee_contacts_none")}</p>}
      {short > 0 && (
        <p class="tag gap gap-below summary-gap" data-testid="committee-short">
          {t("committee_contacts_short_n", { n: short })}
        </p>
      )}
      <ul class="contact-list">
        {committee.map((c) => (
          <CommitteeRow key={c.member} {...props} member={c} />
        ))}
      </ul>
    </Card>
  );
}

function CommitteeRow(props: { client: PlenumClient; board: readonly BoardEvent[]; view: ContactsView; names: Map<string, string>; member: CommitteeContacts; reload: () => Promise<void> }) {
  const c = props.member;
  const [min, max] = props.view.bounds.committee;
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>(c.delegates);
  const delegates = currentDelegates(props.board).filter((d) => d.number !== c.member);
  const toggle = (n: string) => setChosen(chosen.includes(n) ? chosen.filter((x) => x !== n) : [...chosen, n]);
  const nameOf = (n: string) => props.names.get(n) ?? n;
  return (
    <li class={c.gap !== "ok" ? "gap-row" : ""} data-testid={`committee-${c.member}`}>
      <div class="proposal-head">
        <strong>
          {c.name}（{c.member}）
        </strong>
        <CountLine count={c.count} min={min} max={max} what="delegate" testid={`committee-count-${c.member}`} />
      </div>
      <p class="small" data-testid={`committee-delegates-${c.member}`}>
        {label("committee_contacts_delegates")}
        {c.delegates.length ? c.delegates.map(nameOf).join(listSep()) : t("contact_none_yet")}
      </p>
      <button
        type="button"
        class={editing ? "on" : ""}
        aria-expanded={editing}
        onClick={() => {
          setChosen(c.delegates);
          setEditing(!editing);
        }}
        data-testid={`committee-edit-${c.member}`}
      >
        {t("committee_contacts_edit")}
      </button>
      {editing && (
        <div class="form inline-form" data-testid={`committee-form-${c.member}`}>
          <fieldset class="delegate-picks">
            <legend>{t("committee_contacts_pick", { name: c.name })}</legend>
            {delegates.map((d) => (
              <label class="check">
                <input type="checkbox" checked={chosen.includes(d.number)} onChange={() => toggle(d.number)} data-testid={`committee-pick-${c.member}-${d.number}`} />
                {d.name}（{d.number}{d.unit ? ` · ${d.unit}` : ""}）
              </label>
            ))}
          </fieldset>
          <CountLine count={chosen.length} min={min} max={max} what="delegate" testid={`committee-chosen-${c.member}`} />
          <ActionButton
            class="primary"
            label={t("committee_contacts_save")}
            actionKey={`set_committee_contacts:${c.member}`}
            testid={`committee-save-${c.member}`}
            done={t("committee_contacts_saved")}
            action={async () => {
              await props.client.request("set_committee_contacts", { member: c.member, delegates: chosen });
              setEditing(false);
              await props.reload();
            }}
          />
        </div>
      )}
    </li>
  );
}

function DelegatesCard(props: { client: PlenumClient; view: ContactsView; loaded: boolean; reload: () => Promise<void> }) {
  const { delegates, bounds } = props.view;
  const [filter, setFilter] = useState<"all" | "gaps">("all");
  const hasGap = (d: DelegateContacts) => d.gap !== "ok" || d.members.some((m) => m.gap !== "ok");
  const withGaps = delegates.filter(hasGap);
  const shown = filter === "gaps" ? withGaps : delegates;
  return (
    <Card title={t("delegate_contacts_title")} testid="delegate-contacts" class="wide">
      <p class="muted small">{t("delegate_contacts_hint", { min: bounds.delegate[0], max: bounds.delegate[1], residents: bounds.member[0] })}</p>
      <div class="row wrap desk-summary">
        <span data-testid="delegates-with-gaps">{t("delegate_contacts_gaps_n", { n: withGaps.length, total: delegates.length })}</span>
        <button type="button" class={filter === "all" ? "on" : ""} aria-pressed={filter === "all"} onClick={() => setFilter("all")} data-testid="contacts-filter-all">
          {t("contacts_filter_all")}
        </button>
        <button type="button" class={filter === "gaps" ? "on" : ""} aria-pressed={filter === "gaps"} onClick={() => setFilter("gaps")} data-testid="contacts-filter-gaps">
          {t("contacts_filter_gaps")}
        </button>
      </div>
      {props.loaded && shown.length === 0 && <p class="muted">{t(filter === "gaps" ? "contacts_no_gaps" : "contacts_no_delegates")}</p>}
      <ul class="contact-list">
        {shown.map((d) => (
          <DelegateRow key={d.person} client={props.client} view={props.view} delegate={d} reload={props.reload} />
        ))}
      </ul>
    </Card>
  );
}

function DelegateRow(props: { client: PlenumClient; view: ContactsView; delegate: DelegateContacts; reload: () => Promise<void> }) {
  const d = props.delegate;
  const [min, max] = props.view.bounds.delegate;
  const [adding, setAdding] = useState(false);
  const short = d.gap !== "ok" || d.members.some((m) => m.gap !== "ok");
  return (
    <li class={short ? "gap-row" : ""} data-testid={`delegate-${d.person}`}>
      <div class="proposal-head">
        <strong>
          {d.name}（{d.person}）
        </strong>
        <CountLine count={d.count} min={min} max={max} what="member" testid={`delegate-count-${d.person}`} />
      </div>
      {d.members.length > 0 && (
        <ul class="member-list">
          {d.members.map((m) => (
            <MemberRow key={m.contact_id} client={props.client} view={props.view} member={m} reload={props.reload} />
          ))}
        </ul>
      )}
      <button type="button" class={adding ? "on" : ""} aria-expanded={adding} onClick={() => setAdding(!adding)} data-testid={`add-member-open-${d.person}`}>
        {t("contact_register_member")}
      </button>
      {adding && <ContactForm client={props.client} kind="member" keeper={d.person} keeperName={d.name} onDone={props.reload} onClose={() => setAdding(false)} testid={`add-member-${d.person}`} />}
    </li>
  );
}

function MemberRow(props: { client: PlenumClient; view: ContactsView; member: Contact; reload: () => Promise<void> }) {
  const m = props.member;
  const residents = m.residents ?? [];
  const [min, max] = props.view.bounds.member;
  const [adding, setAdding] = useState(false);
  const name = contactName(m);
  return (
    <li data-testid={`member-${m.contact_id}`}>
      <div class="proposal-head">
        <span>
          <strong>{name}</strong>
          {m.details?.place ? <span class="muted"> · {m.details.place}</span> : null}
          <span class="muted small"> · {t("contact_kind_member")}</span>
        </span>
        <CountLine count={residents.length} min={min} max={max} what="resident" testid={`member-count-${m.contact_id}`} />
      </div>
      {residents.length > 0 && (
        <ul class="resident-list small">
          {residents.map((r) => (
            <li key={r.contact_id} data-testid={`resident-${r.contact_id}`}>
              <span>
                {contactName(r)}
                {r.details?.place ? <span class="muted"> · {r.details.place}</span> : null}
              </span>
              <RemoveContact client={props.client} contact={r} name={contactName(r)} onDone={props.reload} />
            </li>
          ))}
        </ul>
      )}
      <div class="row wrap">
        <button type="button" class={adding ? "on" : ""} aria-expanded={adding} onClick={() => setAdding(!adding)} data-testid={`add-resident-open-${m.contact_id}`}>
          {t("contact_register_resident")}
        </button>
      </div>
      {adding && <ContactForm client={props.client} kind="resident" keeper={m.contact_id} keeperName={name} onDone={props.reload} onClose={() => setAdding(false)} testid={`add-resident-${m.contact_id}`} />}
      <RemoveContact client={props.client} contact={m} name={name} onDone={props.reload} />
    </li>
  );
}
