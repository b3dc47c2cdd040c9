// The liaison office's proposal desk (代表联络办公室): every proposal with its status, handling
// unit, deadline and how many working days it is overdue (highlighted), and the office's actions
// on it — accept (立案: unit, deadline prefilled with the server's default of 6 months), merge
// into an accepted one, turn into an opinion with a reason, record the unit's answer — and the
// year's working-day calendar (holidays and make-up workdays) the deadlines are counted in.
import { useEffect, useState } from "preact/hooks";
import { useSignal } from "./hooks";
import "./term.css";
import { ActionButton } from "./actions";
import type { BoardEvent, PlenumClient } from "./client";
import { label, listSep, t } from "./i18n";
import { Card } from "./ui";
import { addMonthsWorking, calendarsOf, isIsoDate, parseDateList } from "./working_days";

/** A proposal as `get_proposals` returns it (protocol/PROTOCOL.md). */
export interface Proposal {
  id: string;
  by: string;
  by_name: string;
  title: string;
  text: string;
  submitted_ms: number;
  co_signers: string[];
  status: string;
  unit: string;
  deadline: string;
  round: number;
  answers: { round: number; unit: string; text: string; unix_ms: number; rating: string }[];
  merged_into: string;
  merged: string[];
  conversion_reason: string;
  item_id: string;
  on_agenda: boolean;
  overdue: boolean;
  working_days_overdue: number;
}

/** `get_proposals` again whenever the board grows or the client subscribes again after a lost
 * connection: [today, proposals, reload]. */
export function useProposals(client: PlenumClient, boardLength: number): [string, Proposal[], () => Promise<void>] {
  const [reply, setReply] = useState<{ today: string; proposals: Proposal[] }>({ today: "", proposals: [] });
  const reload = () =>
    client
      .request("get_proposals")
      .then((r) => setReply({ today: String(r["today"] ?? ""), proposals: (r["proposals"] ?? []) as Proposal[] }))
      .catch(() => undefined);
  const resubscribed = useSignal(client.resubscribed);
  useEffect(() => {
    void reload();
  }, [boardLength, resubscribed]);
  return [reply.today, reply.proposals, reload];
}

/** The status in words (待处理, 已立案·办理中, …). */
export function proposalStatusText(p: Proposal): string {
  return t(p.status === "submitted" ? "proposal_submitted_status" : `proposal_status_${p.status}`);
}

/** A proposal's answers, round by round, with the proposer's rating of each. */
export function AnswerList(props: { proposal: Proposal }) {
  if (props.proposal.answers.length === 0) return null;
  return (
    <ol class="answers">
      {props.proposal.answers.map((a) => (
        <li key={a.round} data-testid={`answer-${props.proposal.id}-${a.round}`}>
          <p class="answer-head">
            <strong>{t("answer_round", { n: a.round })}</strong> · {a.unit}
            {a.rating ? <span class={`tag rating rating-${a.rating}`}>{t(`rating_${a.rating}`)}</span> : <span class="tag">{t("rating_waiting")}</span>}
          </p>
          <p class="answer-text">{a.text}</p>
        </li>
      ))}
    </ol>
  );
}

/** The desk: the proposals and the calendar. `names` maps person numbers to names. */
export function LiaisonDesk(props: { client: PlenumClient; board: readonly BoardEvent[]; names: Map<string, string>; today: string; proposals: Proposal[]; reload: () => Promise<void> }) {
  const { today, proposals, reload } = props;
  const [filter, setFilter] = useState<"open" | "all">("open");
  const open = proposals.filter((p) => ["submitted", "accepted", "rehandling", "answered"].includes(p.status));
  const overdue = proposals.filter((p) => p.overdue).length;
  const shown = (filter === "open" ? open : proposals).slice().sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.working_days_overdue - a.working_days_overdue);
  return (
    <>
      <Card title={t("proposals_title")} testid="proposals" class="wide">
        <p class="muted small">{t("liaison_hint")}</p>
        <div class="row wrap desk-summary">
          <span data-testid="proposals-open">{t("proposals_open_n", { n: open.length })}</span>
          {overdue > 0 && (
            <span class="tag overdue" data-testid="proposals-overdue">
              {t("proposals_overdue_n", { n: overdue })}
            </span>
          )}
          <span class="muted small">{label("today")}{today}</span>
          <button type="button" class={filter === "open" ? "on" : ""} aria-pressed={filter === "open"} onClick={() => setFilter("open")} data-testid="filter-open">
            {t("filter_open")}
          </button>
          <button type="button" class={filter === "all" ? "on" : ""} aria-pressed={filter === "all"} onClick={() => setFilter("all")} data-testid="filter-all">
            {t("filter_all")}
          </button>
        </div>
        {shown.length === 0 && <p class="muted">{t("no_proposals")}</p>}
        <ul class="desk-proposals">
          {shown.map((p) => (
            <ProposalRow key={p.id} client={props.client} proposal={p} all={proposals} names={props.names} today={today} board={props.board} reload={reload} />
          ))}
        </ul>
      </Card>
      <CalendarCard client={props.client} board={props.board} today={today} />
    </>
  );
}

function ProposalRow(props: { client: PlenumClient; proposal: Proposal; all: Proposal[]; names: Map<string, string>; today: string; board: readonly BoardEvent[]; reload: () => Promise<void> }) {
  const { proposal: p } = props;
  const [open, setOpen] = useState<"" | "accept" | "merge" | "convert" | "answer">("");
  // A form closes once its action changed the proposal's status.
  useEffect(() => setOpen(""), [p.status, p.round]);
  const co = p.co_signers.map((n) => props.names.get(n) ?? n).join(listSep());
  const awaitingAnswer = p.status === "accepted" || p.status === "rehandling";
  return (
    <li data-testid={`proposal-${p.id}`} class={p.overdue ? "overdue-row" : ""}>
      <div class="proposal-head">
        <span>
          <strong>{p.title}</strong> <span class="muted">{label("proposal_by")}{p.by_name || p.by}</span>
          {co && <span class="muted"> · {label("co_signers")}{co}</span>}
        </span>
        <span class={p.on_agenda ? "tag now" : "tag"} data-testid={`proposal-status-${p.id}`}>
          {p.on_agenda ? t("proposal_on_agenda") : proposalStatusText(p)}
        </span>
        {p.overdue && (
          <span class="tag overdue" data-testid={`proposal-overdue-${p.id}`}>
            {t("overdue_days", { n: p.working_days_overdue })}
          </span>
        )}
      </div>
      <p class="proposal-text">{p.text}</p>
      <p class="small proposal-facts">
        {p.unit && (
          <span>
            {label("handling_unit")}
            {p.unit}
          </span>
        )}
        {p.deadline && (
          <span data-testid={`proposal-deadline-${p.id}`}>
            {label("deadline")}
            {p.deadline}
            {p.round >= 2 ? `（${t("answer_round", { n: 2 })}）` : ""}
          </span>
        )}
        {p.merged_into && (
          <span>
            {label("merged_into")}
            {props.all.find((x) => x.id === p.merged_into)?.title ?? p.merged_into}
          </span>
        )}
        {p.merged.length > 0 && <span>{t("merged_count", { n: p.merged.length })}</span>}
        {p.conversion_reason && (
          <span>
            {label("conversion_reason")}
            {p.conversion_reason}
          </span>
        )}
      </p>
      <AnswerList proposal={p} />
      <div class="row wrap proposal-actions">
        {p.status === "submitted" && (
          <>
            <button type="button" class={open === "accept" ? "on" : ""} aria-expanded={open === "accept"} onClick={() => setOpen(open === "accept" ? "" : "accept")} data-testid={`accept-open-${p.id}`}>
              {t("accept_proposal")}
            </button>
            <button type="button" class={open === "merge" ? "on" : ""} aria-expanded={open === "merge"} onClick={() => setOpen(open === "merge" ? "" : "merge")} data-testid={`merge-open-${p.id}`}>
              {t("merge_proposal")}
            </button>
            <button type="button" class={open === "convert" ? "on" : ""} aria-expanded={open === "convert"} onClick={() => setOpen(open === "convert" ? "" : "convert")} data-testid={`convert-open-${p.id}`}>
              {t("convert_proposal")}
            </button>
          </>
        )}
        {awaitingAnswer && (
          <button type="button" class={open === "answer" ? "on" : ""} aria-expanded={open === "answer"} onClick={() => setOpen(open === "answer" ? "" : "answer")} data-testid={`answer-open-${p.id}`}>
            {t(p.round >= 2 ? "record_answer_again" : "record_answer")}
          </button>
        )}
        {p.status === "answered" && <span class="muted small">{t("waiting_for_rating")}</span>}
      </div>
      {open === "accept" && p.status === "submitted" && <AcceptForm {...props} />}
      {open === "merge" && p.status === "submitted" && <MergeForm {...props} />}
      {open === "convert" && p.status === "submitted" && <ConvertForm {...props} />}
      {open === "answer" && awaitingAnswer && <AnswerForm {...props} />}
    </li>
  );
}

type RowProps = { client: PlenumClient; proposal: Proposal; all: Proposal[]; today: string; board: readonly BoardEvent[]; reload: () => Promise<void> };

function AcceptForm(props: RowProps) {
  const { proposal: p } = props;
  const fallback = props.today ? addMonthsWorking(props.today, 6, calendarsOf(props.board)) : "";
  const [unit, setUnit] = useState("");
  // The default follows the calendar until the officer types another date.
  const [typed, setDeadline] = useState<string | null>(null);
  const deadline = typed ?? fallback;
  const bad = deadline !== "" && !isIsoDate(deadline);
  return (
    <div class="form inline-form" data-testid={`accept-form-${p.id}`}>
      <label>
        {t("handling_unit")}
        <input value={unit} onInput={(e) => setUnit(e.currentTarget.value)} placeholder={t("handling_unit_example")} data-testid={`accept-unit-${p.id}`} />
      </label>
      <label>
        {t("deadline")}
        <input type="date" value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} data-testid={`accept-deadline-${p.id}`} />
      </label>
      <p class="muted small">{t("deadline_default_hint", { date: fallback })}</p>
      {bad && <p class="error">{t("date_format_hint")}</p>}
      <ActionButton
        class="primary"
        label={t("accept_proposal")}
        actionKey={`accept:${p.id}`}
        testid={`accept-${p.id}`}
        disabled={!unit.trim() || bad}
        note={!unit.trim() ? t("accept_needs_unit") : null}
        done={t("done_accept")}
        action={() => props.client.request("accept_proposal", { proposal_id: p.id, unit: unit.trim(), ...(deadline ? { deadline } : {}) }).then(props.reload)}
      />
    </div>
  );
}

function MergeForm(props: RowProps) {
  const { proposal: p } = props;
  const targets = props.all.filter((x) => x.id !== p.id && ["accepted", "rehandling", "answered"].includes(x.status));
  const [into, setInto] = useState("");
  return (
    <div class="form inline-form" data-testid={`merge-form-${p.id}`}>
      {targets.length === 0 ? (
        <p class="muted">{t("merge_no_target")}</p>
      ) : (
        <label>
          {t("merge_into_label")}
          <select value={into} onChange={(e) => setInto(e.currentTarget.value)} data-testid={`merge-into-${p.id}`}>
            <option value="">—</option>
            {targets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}（{x.by_name}）
              </option>
            ))}
          </select>
        </label>
      )}
      <p class="muted small">{t("merge_hint")}</p>
      <ActionButton
        class="primary"
        label={t("merge_proposal")}
        actionKey={`merge:${p.id}`}
        testid={`merge-${p.id}`}
        disabled={!into}
        done={t("done_merge")}
        action={() => props.client.request("merge_proposal", { proposal_id: p.id, into }).then(props.reload)}
      />
    </div>
  );
}

function ConvertForm(props: RowProps) {
  const { proposal: p } = props;
  const [reason, setReason] = useState("");
  return (
    <div class="form inline-form" data-testid={`convert-form-${p.id}`}>
      <label>
        {t("conversion_reason")}
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} placeholder={t("conversion_reason_example")} data-testid={`convert-reason-${p.id}`} />
      </label>
      <ActionButton
        class="primary"
        label={t("convert_proposal")}
        actionKey={`convert:${p.id}`}
        testid={`convert-${p.id}`}
        disabled={!reason.trim()}
        note={!reason.trim() ? t("convert_needs_reason") : null}
        confirm={{ title: t("confirm_convert", { title: p.title }), consequence: t("consequence_convert") }}
        done={t("done_convert")}
        action={() => props.client.request("convert_proposal", { proposal_id: p.id, reason: reason.trim() }).then(props.reload)}
      />
    </div>
  );
}

function AnswerForm(props: RowProps) {
  const { proposal: p } = props;
  const [text, setText] = useState("");
  const [unit, setUnit] = useState(p.unit);
  return (
    <div class="form inline-form" data-testid={`answer-form-${p.id}`}>
      <label>
        {t("handling_unit")}
        <input value={unit} onInput={(e) => setUnit(e.currentTarget.value)} data-testid={`answer-unit-${p.id}`} />
      </label>
      <label>
        {t("answer_text")}
        <textarea rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid={`answer-text-${p.id}`} />
      </label>
      <ActionButton
        class="primary"
        label={t(p.round >= 2 ? "record_answer_again" : "record_answer")}
        actionKey={`answer:${p.id}:${p.round}`}
        testid={`answer-${p.id}`}
        disabled={!text.trim()}
        note={!text.trim() ? t("answer_needs_text") : null}
        done={t("done_answer")}
        action={() => props.client.request("answer_proposal", { proposal_id: p.id, text: text.trim(), ...(unit.trim() && unit.trim() !== p.unit ? { unit: unit.trim() } : {}) }).then(props.reload)}
      />
    </div>
  );
}

/** set_calendar's fields: an empty list is left out, as the protocol asks. */
function calendarFields(year: number, holidays: string[], workdays: string[]): Record<string, unknown> {
  return { year, ...(holidays.length ? { holidays } : {}), ...(workdays.length ? { workdays } : {}) };
}

/** The year's public holidays and make-up workdays, as set on the board, and a form to set them. */
function CalendarCard(props: { client: PlenumClient; board: readonly BoardEvent[]; today: string }) {
  const calendars = calendarsOf(props.board);
  const thisYear = Number((props.today || new Date().toISOString()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const current = calendars.get(year);
  const [holidays, setHolidays] = useState<string | null>(null);
  const [workdays, setWorkdays] = useState<string | null>(null);
  const holidayText = holidays ?? (current?.holidays ?? []).join("\n");
  const workdayText = workdays ?? (current?.workdays ?? []).join("\n");
  const typed = [...parseDateList(holidayText), ...parseDateList(workdayText)];
  const badDates = typed.filter((d) => !isIsoDate(d) || Number(d.slice(0, 4)) !== year);
  return (
    <Card title={t("calendar_title", { year })} testid="calendar" class="wide">
      <p class="muted small">{t("calendar_hint")}</p>
      <div class="row wrap">
        <label class="inline nowrap">
          {t("calendar_year")}
          <select
            value={String(year)}
            onChange={(e) => {
              setYear(Number(e.currentTarget.value));
              setHolidays(null);
              setWorkdays(null);
            }}
            data-testid="calendar-year"
          >
            {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
              <option value={String(y)}>{y}</option>
            ))}
          </select>
        </label>
        <span class="muted small" data-testid="calendar-summary">
          {current ? t("calendar_summary", { h: current.holidays.length, w: current.workdays.length }) : t("calendar_none")}
        </span>
      </div>
      <div class="calendar-lists">
        <label>
          {t("calendar_holidays")}
          <textarea rows={6} value={holidayText} onInput={(e) => setHolidays(e.currentTarget.value)} placeholder={t("calendar_holidays_example", { year })} data-testid="calendar-holidays" />
        </label>
        <label>
          {t("calendar_workdays")}
          <textarea rows={6} value={workdayText} onInput={(e) => setWorkdays(e.currentTarget.value)} placeholder={t("calendar_workdays_example", { year })} data-testid="calendar-workdays" />
        </label>
      </div>
      {badDates.length > 0 && (
        <p class="error" data-testid="calendar-bad">
          {t("calendar_bad_dates", { dates: badDates.join(listSep()), year })}
        </p>
      )}
      <ActionButton
        class="primary"
        label={t("calendar_save", { year })}
        actionKey={`calendar:${year}`}
        testid="calendar-save"
        disabled={badDates.length > 0 || (holidays === null && workdays === null)}
        done={t("done_calendar")}
        action={() =>
          props.client.request("set_calendar", calendarFields(year, parseDateList(holidayText), parseDateList(workdayText))).then(() => {
            setHolidays(null);
            setWorkdays(null);
          })
        }
      />
    </Card>
  );
}
