// Opinions and requests (党员群众意见建议) on the liaison office's desk: every opinion with its
// status in words, the step it waits for and its due date in working days — overdue ones first,
// marked with how many working days late — and the office's steps, each asked first because none
// can be undone: route it to a department (within 5 working days of being logged), extend the
// answer once (1–15 working days, with a reason), record the department's answer or a refusal
// with its reason. Whether the delegate told the person back is shown too.
import { useEffect, useState } from "preact/hooks";
import { ActionButton } from "./actions";
import type { BoardEvent, PlenumClient } from "./client";
import { type Opinion, categoryText, opinionDue, opinionNextStep, opinionOpen, opinionOrder, opinionStatusText, useOpinions } from "./contacts";
import { DateField } from "./form_fields";
import { label, t } from "./i18n";
import { Card } from "./ui";
import { calendarsOf, workingDaysBetween } from "./working_days";
import "./contacts.css";

/** The desk's 意见建议 section. */
export function OpinionsDesk(props: { client: PlenumClient; board: readonly BoardEvent[] }) {
  const [today, opinions, reload] = useOpinions(props.client, props.board.length);
  const [filter, setFilter] = useState<"open" | "all">("open");
  const open = opinions.filter(opinionOpen);
  const overdue = opinions.filter((o) => o.overdue).length;
  const toRoute = opinions.filter((o) => o.status === "logged").length;
  const shown = (filter === "open" ? open : opinions).slice().sort(opinionOrder);
  return (
    <Card title={t("opinions_title")} testid="opinions" class="wide">
      <p class="muted small">{t("opinions_hint")}</p>
      <div class="row wrap desk-summary">
        <span data-testid="opinions-to-route">{t("opinions_to_route_n", { n: toRoute })}</span>
        <span data-testid="opinions-open">{t("opinions_open_n", { n: opinions.filter((o) => o.status === "routed").length })}</span>
        {overdue > 0 && (
          <span class="tag overdue" data-testid="opinions-overdue">
            {t("opinions_overdue_n", { n: overdue })}
          </span>
        )}
        <span class="muted small">
          {label("today")}
          {today}
        </span>
        <button type="button" class={filter === "open" ? "on" : ""} aria-pressed={filter === "open"} onClick={() => setFilter("open")} data-testid="opinions-filter-open">
          {t("opinions_filter_open")}
        </button>
        <button type="button" class={filter === "all" ? "on" : ""} aria-pressed={filter === "all"} onClick={() => setFilter("all")} data-testid="opinions-filter-all">
          {t("opinions_filter_all")}
        </button>
      </div>
      {shown.length === 0 && <p class="muted">{t(filter === "open" ? "opinions_none_open" : "opinions_none")}</p>}
      <ul class="desk-proposals">
        {shown.map((o) => (
          <OpinionRow key={o.opinion_id} client={props.client} board={props.board} opinion={o} today={today} reload={reload} />
        ))}
      </ul>
    </Card>
  );
}

/** "还剩 3 个工作日" before the due date, "今天到期" on it, "逾期 2 个工作日" after. */
export function DueTag(props: { opinion: Opinion; today: string; board: readonly BoardEvent[] }) {
  const o = props.opinion;
  const due = opinionDue(o);
  if (o.overdue)
    return (
      <span class="tag overdue" data-testid={`opinion-overdue-${o.opinion_id}`}>
        {t("overdue_days", { n: o.working_days_overdue })}
      </span>
    );
  if (!due || !props.today) return null;
  const left = workingDaysBetween(props.today, due, calendarsOf(props.board));
  return (
    <span class={`tag ${left <= 1 ? "due-soon" : ""}`} data-testid={`opinion-left-${o.opinion_id}`}>
      {left === 0 ? t("opinion_due_today") : t("opinion_days_left", { n: left })}
    </span>
  );
}

/** What happened to an opinion so far: routing, extension, answer or refusal, report back. */
export function OpinionFacts(props: { opinion: Opinion }) {
  const o = props.opinion;
  return (
    <>
      <p class="small proposal-facts">
        <span>
          {label("opinion_logged_on")}
          {o.date}
        </span>
        {o.routed_date ? (
          <span data-testid={`opinion-routed-${o.opinion_id}`}>
            {t("opinion_routed_line", { department: o.department, date: o.routed_date })}
            {!o.routed_on_time && <strong class="late"> {t("opinion_late_step")}</strong>}
          </span>
        ) : null}
        {o.answer_due && o.status === "routed" && (
          <span data-testid={`opinion-answer-due-${o.opinion_id}`}>
            {label("opinion_answer_due")}
            {o.answer_due}
          </span>
        )}
        {o.extension && (
          <span data-testid={`opinion-extension-${o.opinion_id}`}>
            {t("opinion_extended_line", { n: o.extension.working_days, reason: o.extension.reason })}
          </span>
        )}
      </p>
      {o.status === "answered" && (
        <div class="opinion-answer" data-testid={`opinion-answer-${o.opinion_id}`}>
          <p class="answer-head">
            <strong>{t("opinion_answer_on", { date: o.answered_date })}</strong>
            {o.closed_on_time === false && <span class="tag overdue">{t("opinion_late_step")}</span>}
          </p>
          <p class="answer-text">{o.answer_details?.text ?? ""}</p>
        </div>
      )}
      {o.status === "refused" && (
        <div class="opinion-answer" data-testid={`opinion-refusal-${o.opinion_id}`}>
          <p class="answer-head">
            <strong>{t("opinion_refused_on", { date: o.refused_date })}</strong>
            {o.closed_on_time === false && <span class="tag overdue">{t("opinion_late_step")}</span>}
          </p>
          <p class="answer-text">
            {label("opinion_refusal_reason")}
            {o.refusal_reason}
          </p>
        </div>
      )}
      {(o.status === "answered" || o.status === "refused") && (
        <p class={`small ${o.reported_back_date ? "reported" : "muted"}`} data-testid={`opinion-reported-${o.opinion_id}`}>
          {o.reported_back_date ? t("opinion_reported_back_on", { date: o.reported_back_date }) : t("opinion_not_reported_back")}
        </p>
      )}
    </>
  );
}

type Step = "" | "route" | "extend" | "answer" | "refuse";

function OpinionRow(props: { client: PlenumClient; board: readonly BoardEvent[]; opinion: Opinion; today: string; reload: () => Promise<void> }) {
  const o = props.opinion;
  const [open, setOpen] = useState<Step>("");
  // A form closes once its step changed the opinion.
  useEffect(() => setOpen(""), [o.status, o.extension?.working_days]);
  const stepButton = (step: Step, text: string) => (
    <button type="button" class={open === step ? "on" : ""} aria-expanded={open === step} onClick={() => setOpen(open === step ? "" : step)} data-testid={`opinion-${step}-open-${o.opinion_id}`}>
      {text}
    </button>
  );
  const canExtend = o.status === "routed" && !o.extension && !o.overdue;
  return (
    <li data-testid={`opinion-${o.opinion_id}`} class={o.overdue ? "overdue-row" : ""}>
      <div class="proposal-head">
        <span class="tag">{categoryText(o.category)}</span>
        <strong>{o.details?.text ?? ""}</strong>
      </div>
      <p class="small proposal-facts">
        <span>
          {label("opinion_from")}
          {o.details?.name || "—"}
        </span>
        <span>
          {label("opinion_delegate")}
          {o.by_name || o.by}
        </span>
        <span class="muted">
          {label("opinion_number")}
          {o.opinion_id}
        </span>
      </p>
      <div class="proposal-head">
        <span class="tag status" data-testid={`opinion-status-${o.opinion_id}`}>
          {opinionStatusText(o)}
        </span>
        <span class="small" data-testid={`opinion-next-${o.opinion_id}`}>
          {opinionNextStep(o)}
        </span>
        <DueTag opinion={o} today={props.today} board={props.board} />
      </div>
      <OpinionFacts opinion={o} />
      <div class="row wrap proposal-actions">
        {o.status === "logged" && stepButton("route", t("opinion_route"))}
        {o.status === "routed" && stepButton("answer", t("opinion_answer"))}
        {o.status === "routed" && stepButton("refuse", t("opinion_refuse"))}
        {canExtend && stepButton("extend", t("opinion_extend"))}
        {o.status === "routed" && !canExtend && <span class="muted small">{t(o.extension ? "opinion_extended_once" : "opinion_extend_too_late")}</span>}
      </div>
      {open === "route" && o.status === "logged" && <RouteForm {...props} />}
      {open === "answer" && o.status === "routed" && <AnswerForm {...props} />}
      {open === "refuse" && o.status === "routed" && <RefuseForm {...props} />}
      {open === "extend" && canExtend && <ExtendForm {...props} />}
    </li>
  );
}

type FormProps = { client: PlenumClient; opinion: Opinion; today: string; reload: () => Promise<void> };

function RouteForm(props: FormProps) {
  const o = props.opinion;
  const [department, setDepartment] = useState("");
  const [date, setDate] = useState(props.today);
  return (
    <div class="form inline-form" data-testid={`opinion-route-form-${o.opinion_id}`}>
      <label>
        {t("opinion_department")}
        <input value={department} maxLength={100} placeholder={t("opinion_department_example")} onInput={(e) => setDepartment(e.currentTarget.value)} data-testid={`opinion-department-${o.opinion_id}`} />
      </label>
      <DateField label={t("opinion_route_date")} value={date} onChange={setDate} testid={`opinion-route-date-${o.opinion_id}`} />
      <p class="muted small">{t("opinion_route_hint", { date: o.route_due })}</p>
      <ActionButton
        class="primary"
        label={t("opinion_route")}
        actionKey={`route_opinion:${o.opinion_id}`}
        testid={`opinion-route-${o.opinion_id}`}
        disabled={!department.trim() || !date}
        note={!department.trim() ? t("opinion_route_needs_department") : null}
        confirm={{ title: t("opinion_route_confirm", { department: department.trim() }), consequence: t("opinion_route_consequence") }}
        done={t("opinion_routed_done")}
        action={() => props.client.request("route_opinion", { opinion_id: o.opinion_id, department: department.trim(), date }).then(props.reload)}
      />
    </div>
  );
}

function ExtendForm(props: FormProps) {
  const o = props.opinion;
  const [days, setDays] = useState(0);
  const [reason, setReason] = useState("");
  const missing = days < 1 ? t("opinion_extend_needs_days") : !reason.trim() ? t("opinion_extend_needs_reason") : null;
  return (
    <div class="form inline-form" data-testid={`opinion-extend-form-${o.opinion_id}`}>
      <label>
        {t("opinion_extend_days")}
        <select value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))} data-testid={`opinion-extend-days-${o.opinion_id}`}>
          <option value="0">—</option>
          {Array.from({ length: 15 }, (_, i) => i + 1).map((n) => (
            <option value={String(n)}>{t("working_days_n", { n })}</option>
          ))}
        </select>
      </label>
      <label>
        {t("opinion_extend_reason")}
        <input value={reason} maxLength={200} placeholder={t("opinion_extend_reason_example")} onInput={(e) => setReason(e.currentTarget.value)} data-testid={`opinion-extend-reason-${o.opinion_id}`} />
      </label>
      <p class="muted small">{t("opinion_extend_hint", { date: o.answer_due })}</p>
      <ActionButton
        class="primary"
        label={t("opinion_extend")}
        actionKey={`extend_opinion:${o.opinion_id}`}
        testid={`opinion-extend-${o.opinion_id}`}
        disabled={missing !== null}
        note={missing}
        confirm={{ title: t("opinion_extend_confirm", { n: days }), consequence: t("opinion_extend_consequence") }}
        done={t("opinion_extended_done")}
        action={() => props.client.request("extend_opinion", { opinion_id: o.opinion_id, working_days: days, reason: reason.trim() }).then(props.reload)}
      />
    </div>
  );
}

function AnswerForm(props: FormProps) {
  const o = props.opinion;
  const [text, setText] = useState("");
  const [date, setDate] = useState(props.today);
  return (
    <div class="form inline-form" data-testid={`opinion-answer-form-${o.opinion_id}`}>
      <label>
        {t("opinion_answer_text", { department: o.department })}
        <textarea rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid={`opinion-answer-text-${o.opinion_id}`} />
      </label>
      <DateField label={t("opinion_answer_date")} value={date} onChange={setDate} testid={`opinion-answer-date-${o.opinion_id}`} />
      <ActionButton
        class="primary"
        label={t("opinion_answer")}
        actionKey={`answer_opinion:${o.opinion_id}`}
        testid={`opinion-answer-${o.opinion_id}`}
        disabled={!text.trim() || !date}
        note={!text.trim() ? t("opinion_answer_needs_text") : null}
        confirm={{ title: t("opinion_answer_confirm"), consequence: t("opinion_answer_consequence") }}
        done={t("opinion_answered_done")}
        action={() => props.client.request("answer_opinion", { opinion_id: o.opinion_id, details: { text: text.trim() }, date }).then(props.reload)}
      />
    </div>
  );
}

function RefuseForm(props: FormProps) {
  const o = props.opinion;
  const [reason, setReason] = useState("");
  const [date, setDate] = useState(props.today);
  return (
    <div class="form inline-form" data-testid={`opinion-refuse-form-${o.opinion_id}`}>
      <label>
        {t("opinion_refusal_reason")}
        <textarea rows={3} value={reason} maxLength={300} placeholder={t("opinion_refusal_example")} onInput={(e) => setReason(e.currentTarget.value)} data-testid={`opinion-refuse-reason-${o.opinion_id}`} />
      </label>
      <p class="muted small">{t("opinion_refuse_hint", { date: o.refuse_due })}</p>
      <DateField label={t("opinion_refuse_date")} value={date} onChange={setDate} testid={`opinion-refuse-date-${o.opinion_id}`} />
      <ActionButton
        class="primary"
        label={t("opinion_refuse")}
        actionKey={`refuse_opinion:${o.opinion_id}`}
        testid={`opinion-refuse-${o.opinion_id}`}
        disabled={!reason.trim() || !date}
        note={!reason.trim() ? t("opinion_refuse_needs_reason") : null}
        confirm={{ title: t("opinion_refuse_confirm"), consequence: t("opinion_refuse_consequence") }}
        done={t("opinion_refused_done")}
        action={() => props.client.request("refuse_opinion", { opinion_id: o.opinion_id, reason: reason.trim(), date }).then(props.reload)}
      />
    </div>
  );
}
