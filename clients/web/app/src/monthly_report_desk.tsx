// The monthly written report (月度书面报告) on the secretary's desk: the month chosen (by default
// the month before today's), the reminder once the 25th of the following month has come (due by
// the 30th), every figure of the report with its Chinese label, the issue button (confirmed
// first; the report is then fixed by its digest), the reports already issued, and downloads of
// the report as JSON and as the PDF the county receives.
import { useEffect, useState } from "preact/hooks";
import { ActionButton } from "./actions";
import type { BoardEvent, PlenumClient } from "./client";
import { serverDownload } from "./download";
import { has, label, listSep, t } from "./i18n";
import { Card } from "./ui";
import "./report.css";

/** `get_monthly_report` for `month` ("" = the server's default) whenever the board grows:
 * [view (with the server's "today"), error]. */
export function useMonthlyReport(client: PlenumClient, month: string, boardLength: number): [Record<string, any> | null, string] {
  const [view, setView] = useState<Record<string, any> | null>(null);
  const [err, setErr] = useState("");
  useEffect(() => {
    client
      .request("get_monthly_report", month ? { month } : {})
      .then((r) => {
        setView({ ...(r["monthly_report"] as Record<string, any>), today: r["today"] });
        setErr("");
      })
      .catch((e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
  }, [month, boardLength]);
  return [view, err];
}

/** "2026-11" as the language writes it: 2026年11月. */
export function monthText(month: string): string {
  const [y, m] = month.split("-");
  return t("month_text", { year: y ?? "", month: String(Number(m ?? 0)) });
}

/** "2026-12-06 20:29" in the browser's time zone. */
function clockText(unixMs: number): string {
  const d = new Date(unixMs);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The months offered: from this month back over two years, and `shown` if older. */
function monthChoices(today: string, shown: string): string[] {
  const start = /^\d{4}-\d{2}/.test(today) ? today : shown;
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const months: string[] = [];
  for (let i = 0; i < 25 && y > 0; ++i) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    if (--m === 0) {
      m = 12;
      --y;
    }
  }
  if (shown && !months.includes(shown)) months.push(shown);
  return months;
}

/** The desk's 月度报告 section. */
export function MonthlyReportDesk(props: { client: PlenumClient; board: readonly BoardEvent[] }) {
  const [month, setMonth] = useState("");
  const [view, err] = useMonthlyReport(props.client, month, props.board.length);
  const shown = String(view?.["month"] ?? month);
  const report = (view?.["report"] ?? null) as Record<string, any> | null;
  const issued = view?.["issued"] as Record<string, any> | null | undefined;
  const reports = ((view?.["reports"] ?? []) as any[]).slice().reverse();
  return (
    <>
      <Card title={t("mr_title")} testid="monthly-report" class="wide">
        <p class="muted small">{t("mr_hint")}</p>
        <label class="month-pick">
          {t("mr_month")}
          <select value={shown} onChange={(e) => setMonth(e.currentTarget.value)} data-testid="mr-month">
            {monthChoices(String(view?.["today"] ?? ""), shown).map((m) => (
              <option value={m}>{monthText(m)}</option>
            ))}
          </select>
        </label>
        {err && (
          <p class="error" role="alert" data-testid="mr-error">
            {err}
          </p>
        )}
        {view && <Reminder view={view} />}
        {view && report && (
          <>
            <p class="mr-state" data-testid="mr-state">
              {issued ? (
                <span class="tag report-status status-completed">{t("mr_issued_at", { id: issued.report_id, time: clockText(issued.unix_ms) })}</span>
              ) : (
                <span class="tag">{t(view["ended"] ? "mr_draft" : "mr_draft_running")}</span>
              )}
            </p>
            <ReportFigures report={report} />
            <p class="small mono digest" data-testid="mr-digest">
              {label("mr_digest")}
              {String(view["report_digest"] ?? "")}
            </p>
            <div class="mr-actions">
              {!issued && (
                <ActionButton
                  class="primary"
                  label={t("mr_issue", { month: monthText(shown) })}
                  actionKey={`issue_monthly_report:${shown}`}
                  testid="mr-issue"
                  disabled={!view["ended"]}
                  note={view["ended"] ? undefined : t("mr_not_ended")}
                  done={t("mr_issued_done")}
                  confirm={{ title: t("mr_issue_confirm", { month: monthText(shown) }), consequence: t("mr_issue_consequence") }}
                  action={() => props.client.request("issue_monthly_report", { month: shown })}
                />
              )}
              <ActionButton label={t("mr_download_pdf")} actionKey={`mr_pdf:${shown}`} testid="mr-download-pdf" done={t("done_download")} action={() => serverDownload(props.client, { kind: "monthly_report", month: shown })} />
              <ActionButton label={t("mr_download_json")} actionKey={`mr_json:${shown}`} testid="mr-download-json" done={t("done_download")} action={() => serverDownload(props.client, { kind: "monthly_report_json", month: shown })} />
            </div>
          </>
        )}
      </Card>
      <Card title={t("mr_issued_list")} testid="mr-issued" class="wide">
        {reports.length === 0 && <p class="muted">{t("mr_none_issued")}</p>}
        {reports.length > 0 && (
          <div class="table-wrap">
            <table class="roster">
              <thead>
                <tr>
                  <th>{t("mr_col_month")}</th>
                  <th>{t("mr_col_id")}</th>
                  <th>{t("mr_col_time")}</th>
                  <th>{t("mr_col_digest")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.month} data-testid={`mr-issued-${r.month}`}>
                    <td>{monthText(r.month)}</td>
                    <td>{r.report_id}</td>
                    <td>{clockText(r.unix_ms)}</td>
                    <td class="mono small digest">{r.report_digest}</td>
                    <td>
                      <button type="button" onClick={() => setMonth(r.month)} data-testid={`mr-open-${r.month}`}>
                        {t("mr_open")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}

/** The reminder from the 25th of the following month: what is due, by when, and what to do. */
function Reminder(props: { view: Record<string, any> }) {
  const v = props.view;
  const month = monthText(String(v["month"]));
  if (v["issued"]) return null;
  if (v["late"] || v["remind"])
    return (
      <div class={`banner mr-reminder${v["late"] ? " late" : ""}`} role="alert" data-testid="mr-reminder">
        <strong>{t(v["late"] ? "mr_late" : "mr_remind", { month, due: v["due_date"] })}</strong>
        <p>{t("mr_todo")}</p>
      </div>
    );
  return (
    <p class="muted" data-testid="mr-due">
      {t("mr_due", { month, due: v["due_date"], from: v["remind_from"] })}
    </p>
  );
}

/** One labelled figure. */
function Figure(props: { name: string; value: unknown; testid: string; warn?: boolean }) {
  return (
    <div class={`mr-figure${props.warn ? " warn" : ""}`} data-testid={props.testid}>
      <dt>{t(props.name)}</dt>
      <dd>{String(props.value ?? 0)}</dd>
    </div>
  );
}

function Section(props: { title: string; testid: string; children: any }) {
  return (
    <section class="mr-section" data-testid={props.testid}>
      <h3>{t(props.title)}</h3>
      {props.children}
    </section>
  );
}

const FOLLOW_UP_FIELDS = ["total", "not_reported", "not_started", "in_progress", "completed", "blocked"] as const;

/** Every figure of the report, grouped as the PDF groups them. */
export function ReportFigures(props: { report: Record<string, any> }) {
  const r = props.report;
  const s = r["sittings"] ?? {};
  const a = r["activities"] ?? {};
  const p = r["proposals"] ?? {};
  const ratings = p["ratings"] ?? {};
  const o = r["opinions"] ?? {};
  const groups = (r["groups_not_met"] ?? []) as any[];
  const overdue = (p["overdue_list"] ?? []) as any[];
  // A report of the first format lacks the later figures: only those it has are shown.
  const figures = (prefix: string, obj: Record<string, any>, keys: readonly string[], warn: readonly string[] = []) => (
    <dl class="mr-figures">
      {keys
        .filter((k) => k in obj)
        .map((k) => (
          <Figure name={`mr_${prefix}_${k}`} value={obj[k]} testid={`mr-${prefix}-${k}`} warn={warn.includes(k) && Number(obj[k]) > 0} />
        ))}
    </dl>
  );
  const activityList = (a["list"] ?? []) as any[];
  const opinionsOverdue = (o["overdue_list"] ?? []) as any[];
  const counted = r["groups"] as Record<string, any> | undefined;
  const contacts = r["contacts"] as Record<string, any> | undefined;
  return (
    <div class="mr-report" data-testid="mr-figures">
      <p class="small">
        {label("mr_period")}
        {r["period"]?.["from"]} — {r["period"]?.["to"]}
      </p>
      <Section title="mr_sittings" testid="mr-sittings">
        {figures("sittings", s, ["held", "present", "excused"])}
        {((s["list"] ?? []) as any[]).length > 0 && (
          <ul class="mr-list">
            {(s["list"] as any[]).map((x) => (
              <li key={x.id} data-testid={`mr-sitting-${x.id}`}>
                {x.date} {x.title} · {t("mr_sitting_line", { present: x.present, excused: x.excused })}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="mr_activities" testid="mr-activities">
        {figures("activities", a, ["held", "invited", "present", "present_signed", "present_recorded", "excused", "absent"], ["absent"])}
        {a["by_kind"] && figures("kind", a["by_kind"], ["group_activity", "research", "inspection", "study", "committee_attendance"])}
        {activityList.length > 0 && (
          <ul class="mr-list" data-testid="mr-activity-list">
            {activityList.map((x) => (
              <li key={x.id} data-testid={`mr-activity-${x.id}`}>
                {t("mr_activity_line", {
                  date: x.date,
                  title: x.title,
                  kind: has(`mr_activity_kind_${x.kind}`) ? t(`mr_activity_kind_${x.kind}`) : x.kind,
                  invited: x.invited,
                  present: x.present,
                  signed: x.present_signed,
                  recorded: x.present_recorded,
                  excused: x.excused,
                  absent: x.absent,
                })}
              </li>
            ))}
          </ul>
        )}
        {counted && figures("groups", counted, ["formed", "met", "meetings"])}
        {groups.length > 0 && (
          <p class="warn-text" data-testid="mr-groups-not-met">
            {`${label("mr_groups_not_met")}${groups.map((g) => (typeof g === "string" ? g : (g.name ?? g.group_id))).join(listSep())}`}
          </p>
        )}
        {counted && groups.length === 0 && Number(counted["formed"]) > 0 && (
          <p class="muted" data-testid="mr-groups-all-met">
            {t("mr_groups_all_met")}
          </p>
        )}
      </Section>
      <Section title="mr_proposals" testid="mr-proposals">
        {figures("proposals", p, ["received", "accepted", "merged", "converted", "answered", "overdue"], ["overdue"])}
        {figures("ratings", ratings, ["satisfied", "basically_satisfied", "unsatisfied"], ["unsatisfied"])}
        {overdue.length > 0 && (
          <ul class="mr-list warn-text" data-testid="mr-overdue-list">
            {overdue.map((x) => (
              <li key={x.id}>{t("mr_overdue_line", { id: x.id, title: x.title, unit: x.unit, deadline: x.deadline, days: x.working_days_overdue })}</li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="mr_opinions" testid="mr-opinions">
        {figures("opinions", o, ["logged", "routed_on_time", "routed_late", "answered_on_time", "answered_late", "extended", "refused", "refused_late", "overdue"], ["routed_late", "answered_late", "refused_late", "overdue"])}
        {opinionsOverdue.length > 0 && (
          <ul class="mr-list warn-text" data-testid="mr-opinions-overdue-list">
            {opinionsOverdue.map((x) => (
              <li key={x.id} data-testid={`mr-opinion-overdue-${x.id}`}>
                {t(x.waiting === "route" ? "mr_opinion_overdue_route" : "mr_opinion_overdue_answer", { id: x.id, category: x.category, department: x.department, due: x.due, days: x.working_days_overdue })}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="mr_resolutions" testid="mr-resolutions">
        {figures("followup", r["resolutions"] ?? {}, FOLLOW_UP_FIELDS, ["blocked"])}
      </Section>
      <Section title="mr_rectifications" testid="mr-rectifications">
        {figures("followup", r["rectifications"] ?? {}, FOLLOW_UP_FIELDS, ["blocked"])}
      </Section>
      {contacts && (
        <Section title="mr_contacts" testid="mr-contacts">
          {figures("contacts", { registered_members: contacts["registered"]?.["members"], registered_residents: contacts["registered"]?.["residents"], removed: contacts["removed"], kept_members: contacts["kept"]?.["members"], kept_residents: contacts["kept"]?.["residents"] }, ["registered_members", "registered_residents", "removed", "kept_members", "kept_residents"])}
          {figures(
            "gaps",
            {
              committee_below: contacts["gaps"]?.["committee"]?.["below"],
              committee_above: contacts["gaps"]?.["committee"]?.["above"],
              delegates_below: contacts["gaps"]?.["delegates"]?.["below"],
              delegates_above: contacts["gaps"]?.["delegates"]?.["above"],
              members_below: contacts["gaps"]?.["members"]?.["below"],
            },
            ["committee_below", "committee_above", "delegates_below", "delegates_above", "members_below"],
            ["committee_below", "committee_above", "delegates_below", "delegates_above", "members_below"],
          )}
        </Section>
      )}
    </div>
  );
}

/** A handling status in words, or the raw code when the tables lack it. */
export function statusWords(status: string): string {
  return has(`proposal_status_${status}`) ? t(`proposal_status_${status}`) : status;
}
