// The follow-up of the term on the secretary's desk (决议与整改): every adopted resolution and
// every rectification item with its responsible person, latest status and reports; a form to add
// an implementation report (未启动 / 推进中 / 已完成 / 受阻, the reason required when blocked);
// opening a rectification item for a problem raised in a decided democratic appraisal; and
// refreshing the follow-up materials of an annual meeting that has not opened yet.
import { useEffect, useState } from "preact/hooks";
import { ActionButton } from "./actions";
import type { BoardEvent, PlenumClient } from "./client";
import { label, t } from "./i18n";
import { DateField, todayIso } from "./form_fields";
import { sittingGroup } from "./groups";
import { Card } from "./ui";

/** The report statuses, in the order a form offers them. */
export const REPORT_STATUSES = ["not_started", "in_progress", "completed", "blocked"] as const;

/** `get_follow_up` again whenever the board grows: [view, reload]. */
export function useFollowUp(client: PlenumClient, boardLength: number): [Record<string, any> | null, () => Promise<void>] {
  const [view, setView] = useState<Record<string, any> | null>(null);
  const reload = () =>
    client
      .request("get_follow_up")
      .then((r) => setView(r["follow_up"] as Record<string, any>))
      .catch(() => undefined);
  useEffect(() => {
    void reload();
  }, [boardLength]);
  return [view, reload];
}

/** The resolutions, the rectification items, the appraisal form and the follow-up materials. */
export function FollowUpDesk(props: { client: PlenumClient; board: readonly BoardEvent[] }) {
  const [view, reload] = useFollowUp(props.client, props.board.length);
  const resolutions = (view?.["resolutions"] ?? []) as any[];
  const rectifications = (view?.["rectifications"] ?? []) as any[];
  return (
    <>
      <Card title={t("resolutions_title")} testid="resolutions" class="wide">
        <p class="muted small">{t("resolutions_hint")}</p>
        {resolutions.length === 0 && <p class="muted">{t("no_resolutions")}</p>}
        <ul class="followup-list">
          {resolutions.map((r) => (
            <FollowUpItem key={r.id} client={props.client} subject="resolution" item={r} title={r.title} reload={reload} />
          ))}
        </ul>
      </Card>
      <Card title={t("rectifications_title")} testid="rectifications" class="wide">
        <p class="muted small">{t("rectifications_hint")}</p>
        {rectifications.length === 0 && <p class="muted">{t("no_rectifications")}</p>}
        <ul class="followup-list">
          {rectifications.map((r) => (
            <FollowUpItem
              key={r.id}
              client={props.client}
              subject="rectification"
              item={r}
              title={`${r.member}：${r.problem}`}
              origin={t(r.origin === "confidence" ? "origin_confidence" : "origin_appraisal")}
              reload={reload}
            />
          ))}
        </ul>
        <RectificationForm client={props.client} board={props.board} reload={reload} />
      </Card>
      <FollowUpMaterials client={props.client} board={props.board} view={view} />
    </>
  );
}

function statusTag(status: string, date: string) {
  return (
    <span class={`tag report-status status-${status}`}>
      {t(`report_status_${status}`)}
      {date ? ` · ${date}` : ""}
    </span>
  );
}

function FollowUpItem(props: { client: PlenumClient; subject: "resolution" | "rectification"; item: any; title: string; origin?: string; reload: () => Promise<void> }) {
  const { item } = props;
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const reports = (item.reports ?? []) as any[];
  return (
    <li data-testid={`${props.subject}-${item.id}`} class={item.status === "blocked" ? "blocked-row" : ""}>
      <div class="proposal-head">
        <strong>{props.title}</strong>
        <span data-testid={`${props.subject}-status-${item.id}`}>{statusTag(item.status, item.status_date)}</span>
      </div>
      <p class="small proposal-facts">
        <span>
          {label("responsible")}
          {item.responsible || "—"}
        </span>
        {props.origin && <span>{props.origin}</span>}
        <span>{t("reports_n", { n: reports.length })}</span>
      </p>
      {reports.length > 0 && (
        <ol class="reports">
          {reports.map((r) => (
            <li key={r.id} data-testid={`report-${r.id}`}>
              {statusTag(r.status, r.date)} {r.text}
              {r.status === "blocked" && r.reason && (
                <span class="blocked-reason">
                  {" "}
                  · {label("blocked_reason")}
                  {r.reason}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      <button type="button" class={adding ? "on" : ""} aria-expanded={adding} onClick={() => setAdding(!adding)} data-testid={`report-open-${item.id}`}>
        {t("add_report")}
      </button>
      {saved && !adding && (
        <p class="action-done" role="status" data-testid={`report-saved-${item.id}`}>
          ✓ {t("done_report")}
        </p>
      )}
      {adding && (
        <ReportForm
          {...props}
          onSaved={() => {
            setAdding(false);
            setSaved(true);
          }}
        />
      )}
    </li>
  );
}

function ReportForm(props: { client: PlenumClient; subject: "resolution" | "rectification"; item: any; reload: () => Promise<void>; onSaved: () => void }) {
  const id = props.item.id;
  const [status, setStatus] = useState<string>("");
  const [text, setText] = useState("");
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState("");
  const blocked = status === "blocked";
  const missing = !status ? t("report_needs_status") : !text.trim() ? t("report_needs_text") : blocked && !reason.trim() ? t("report_needs_reason") : null;
  return (
    <div class="form inline-form" data-testid={`report-form-${id}`}>
      <fieldset class="status-choice">
        <legend>{t("report_status")}</legend>
        {REPORT_STATUSES.map((s) => (
          <button type="button" class={status === s ? `on status-${s}` : `status-${s}`} aria-pressed={status === s} onClick={() => setStatus(s)} data-testid={`report-status-${id}-${s}`}>
            {t(`report_status_${s}`)}
          </button>
        ))}
      </fieldset>
      <label>
        {t("report_text")}
        <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid={`report-text-${id}`} />
      </label>
      <DateField label={t("report_date")} value={date} onChange={setDate} testid={`report-date-${id}`} />
      {blocked && (
        <label>
          {t("blocked_reason")}
          <textarea rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} placeholder={t("blocked_reason_example")} data-testid={`report-reason-${id}`} />
        </label>
      )}
      <ActionButton
        class="primary"
        label={t("save_report")}
        actionKey={`report:${id}`}
        testid={`report-save-${id}`}
        disabled={missing !== null}
        note={missing}
        done={t("done_report")}
        action={() =>
          props.client
            .request("report_implementation", { subject: props.subject, subject_id: id, status, text: text.trim(), date, ...(blocked ? { reason: reason.trim() } : {}) })
            .then(props.reload)
            .then(props.onSaved)
        }
      />
    </div>
  );
}

/** The decided democratic appraisals on the board, with their members. */
function decidedAppraisals(board: readonly BoardEvent[]): { id: string; title: string; members: string[] }[] {
  // A result is sealed until the chair announces it: only announced appraisals are offered.
  const decided = new Set(board.filter((e) => e.type === "vote_decided" && !e.sealed).map((e) => String((e.payload as any).vote_id)));
  return board
    .filter((e) => e.type === "vote_created" && (e.payload as any).kind === "appraisal" && decided.has(String((e.payload as any).vote_id)))
    .map((e) => {
      const p = e.payload as any;
      return { id: String(p.vote_id), title: String(p.title), members: (p.candidates ?? []) as string[] };
    });
}

function RectificationForm(props: { client: PlenumClient; board: readonly BoardEvent[]; reload: () => Promise<void> }) {
  const appraisals = decidedAppraisals(props.board);
  const [vote, setVote] = useState("");
  const [member, setMember] = useState("");
  const [problem, setProblem] = useState("");
  const [responsible, setResponsible] = useState("");
  const chosen = appraisals.find((a) => a.id === vote);
  return (
    <details class="subform" data-testid="rectification-form">
      <summary>{t("rectification_open")}</summary>
      {appraisals.length === 0 ? (
        <p class="muted">{t("no_decided_appraisal")}</p>
      ) : (
        <div class="form">
          <label>
            {t("rectification_vote")}
            <select
              value={vote}
              onChange={(e) => {
                setVote(e.currentTarget.value);
                setMember("");
              }}
              data-testid="rectification-vote"
            >
              <option value="">—</option>
              {appraisals.map((a) => (
                <option value={a.id}>{a.title}</option>
              ))}
            </select>
          </label>
          <label>
            {t("rectification_member")}
            <select value={member} onChange={(e) => setMember(e.currentTarget.value)} disabled={!chosen} data-testid="rectification-member">
              <option value="">—</option>
              {(chosen?.members ?? []).map((m) => (
                <option value={m}>{m}</option>
              ))}
            </select>
          </label>
          <label>
            {t("rectification_problem")}
            <textarea rows={3} value={problem} onInput={(e) => setProblem(e.currentTarget.value)} data-testid="rectification-problem" />
          </label>
          <label>
            {t("responsible")}
            <input value={responsible} onInput={(e) => setResponsible(e.currentTarget.value)} data-testid="rectification-responsible" />
          </label>
          <ActionButton
            class="primary"
            label={t("rectification_open")}
            actionKey="record_rectification"
            testid="rectification-save"
            disabled={!vote || !member || !problem.trim() || !responsible.trim()}
            note={!vote || !member || !problem.trim() || !responsible.trim() ? t("rectification_needs_all") : null}
            done={t("done_rectification")}
            action={() =>
              props.client
                .request("record_rectification", { vote_id: vote, member, problem: problem.trim(), responsible: responsible.trim() })
                .then(() => {
                  setProblem("");
                  setMember("");
                })
                .then(props.reload)
            }
          />
        </div>
      )}
    </details>
  );
}

/** The annual meetings not yet opened (a delegate group's own sitting is none): their follow-up
 *  reports and a button to refresh them. */
function FollowUpMaterials(props: { client: PlenumClient; board: readonly BoardEvent[]; view: Record<string, any> | null }) {
  const opened = new Set(props.board.filter((e) => e.type === "sitting_opened").map((e) => String((e.payload as any).sitting_id)));
  const followUpItems = props.board.filter((e) => e.type === "item_added" && (e.payload as any).follow_up).map((e) => e.payload as any);
  const upcoming = ((props.view?.["sittings"] ?? []) as any[]).filter((s) => s.kind === "annual" && !opened.has(s.id) && !sittingGroup(props.board, String(s.id)));
  return (
    <Card title={t("followup_materials_title")} testid="followup-materials" class="wide">
      <p class="muted small">{t("followup_materials_hint")}</p>
      {upcoming.length === 0 && <p class="muted">{t("no_upcoming_annual")}</p>}
      <ul class="followup-list">
        {upcoming.map((s) => {
          const items = followUpItems.filter((it) => it.sitting_id === s.id);
          const materials = props.board.filter((e) => e.type === "material_added" && (e.payload as any).sitting_id === s.id && items.some((it) => it.item_id === (e.payload as any).item_id)).length;
          return (
            <li data-testid={`followup-sitting-${s.id}`}>
              <div class="proposal-head">
                <strong>{s.title}</strong>
                <span class="muted">
                  {s.date} · {t("term_year", { n: s.year })}
                </span>
              </div>
              {items.length === 0 ? (
                <p class="muted small">{t("followup_no_items")}</p>
              ) : (
                <ul class="small">
                  {items.map((it) => (
                    <li key={it.item_id}>{it.title}</li>
                  ))}
                </ul>
              )}
              <p class="muted small">{t("followup_materials_n", { n: materials })}</p>
              <ActionButton
                label={t("refresh_followup")}
                actionKey={`refresh_follow_up:${s.id}`}
                testid={`refresh-followup-${s.id}`}
                disabled={items.length === 0}
                done={t("done_refresh_followup")}
                action={() => props.client.request("refresh_follow_up", { sitting_id: s.id })}
              />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
