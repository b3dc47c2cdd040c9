// The county organisation department's view (县委组织部): every township's party congress that
// this server holds, read-only (protocol/PROTOCOL.md §8c, `get_county_overview` on /ws/county) —
// a summary table (monthly written reports sent up, overdue items) and, per township, the monthly
// reports past due, last month's report awaited (flagged from the day after the month ends) and
// the next one due, those it sent with their digests, its proposals overdue today with their
// handling unit, deadline and working days overdue, and its opinions overdue (category,
// department, the step awaited; never their words). A township that owes a report and has sent
// none is marked 未报送. Read again every minute and on 刷新.
import { useEffect, useState } from "preact/hooks";
import type { PlenumClient } from "./client";
import { label, t } from "./i18n";
import { Card, type AppProps, errorText, startApp } from "./ui";
import "./term.css";
import "./county.css";

interface MonthlyReport {
  report_id: string;
  month: string;
  report_digest: string;
  unix_ms: number;
}

interface OverdueProposal {
  id: string;
  title: string;
  unit: string;
  deadline: string;
  round: number;
  working_days_overdue: number;
}

/** The report due next: its month, due date, whether the month has ended and it was issued. */
interface NextReport {
  month: string;
  due_date: string;
  ended: boolean;
  issued: boolean;
}

/** An opinion overdue today: the step it waits for (route or answer), by when; no words. */
interface OverdueOpinion {
  id: string;
  category: string;
  department: string;
  waiting: string;
  due: string;
  working_days_overdue: number;
}

interface Township {
  township: string;
  congress_name: string;
  today: string;
  monthly_reports: MonthlyReport[];
  /** Months whose report is past its due date and not issued. */
  reports_late?: string[];
  /** Last month's report, awaited from the day after the month ended until it is past due. */
  reports_awaited?: string[];
  next_report?: NextReport;
  overdue: Record<string, number>;
  overdue_proposals: OverdueProposal[];
  overdue_opinions?: OverdueOpinion[];
}

interface Overview {
  county: { id: string; name: string };
  townships: Township[];
}

/** How often the overview is read again while the page is open. */
const REFRESH_MS = 60_000;

function useOverview(client: PlenumClient): [Overview | null, string, () => Promise<void>] {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState("");
  async function load() {
    try {
      setOverview((await client.request("get_county_overview")) as unknown as Overview);
      setError("");
    } catch (e) {
      setError(errorText(e));
    }
  }
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return [overview, error, load];
}

function overdueTotal(tw: Township): number {
  return Object.values(tw.overdue).reduce((a, b) => a + b, 0);
}

/** Whether the township owes a report now: one past due, or last month's awaited. */
function owes(tw: Township): boolean {
  return (tw.reports_late?.length ?? 0) + (tw.reports_awaited?.length ?? 0) > 0;
}

function latestReport(tw: Township): MonthlyReport | null {
  return tw.monthly_reports.reduce<MonthlyReport | null>((latest, r) => (!latest || r.month > latest.month ? r : latest), null);
}

function Summary(props: { townships: Township[] }) {
  return (
    <Card title={t("county_summary_title")} testid="county-summary" class="wide">
      <div class="table-wrap">
        <table class="county-table">
          <thead>
            <tr>
              <th scope="col">{t("county_col_township")}</th>
              <th scope="col">{t("county_col_reports")}</th>
              <th scope="col">{t("county_col_overdue")}</th>
            </tr>
          </thead>
          <tbody>
            {props.townships.map((tw) => {
              const latest = latestReport(tw);
              const overdue = overdueTotal(tw);
              return (
                <tr data-testid={`county-row-${tw.township}`}>
                  <th scope="row">
                    <a href={`#township-${tw.township}`}>{tw.congress_name || tw.township}</a>
                  </th>
                  <td>
                    {latest ? (
                      t("county_reports_latest", { n: tw.monthly_reports.length, month: latest.month })
                    ) : owes(tw) ? (
                      <span class="tag overdue nowrap" data-testid={`county-missing-${tw.township}`}>
                        {t("county_no_reports_short")}
                      </span>
                    ) : (
                      <span class="muted">{t("county_no_reports_short")}</span>
                    )}
                    {(tw.reports_awaited?.length ?? 0) > 0 && (
                      <>
                        {" "}
                        <span class="tag warn nowrap" data-testid={`county-awaited-n-${tw.township}`}>
                          {t("county_reports_awaited_n", { n: tw.reports_awaited!.length })}
                        </span>
                      </>
                    )}
                    {(tw.reports_late?.length ?? 0) > 0 && (
                      <>
                        {" "}
                        <span class="tag overdue nowrap">{t("county_reports_late_n", { n: tw.reports_late!.length })}</span>
                      </>
                    )}
                  </td>
                  <td>{overdue > 0 ? <span class="tag overdue nowrap">{t("county_overdue_n", { n: overdue })}</span> : <span class="muted">{t("county_none")}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function TownshipCard(props: { township: Township }) {
  const tw = props.township;
  const reports = tw.monthly_reports.slice().sort((a, b) => b.month.localeCompare(a.month));
  return (
    <section class="card wide county-township" id={`township-${tw.township}`} data-testid={`county-township-${tw.township}`}>
      <h2>{tw.congress_name || tw.township}</h2>
      <h3>{t("county_reports_title")}</h3>
      {(tw.reports_late ?? []).map((month) => (
        <p key={month} class="county-late" data-testid={`county-late-${tw.township}-${month}`}>
          <span class="tag overdue">{t("county_report_late", { month })}</span>
        </p>
      ))}
      {(tw.reports_awaited ?? []).map((month) => (
        <p key={month} class="county-late" data-testid={`county-awaited-${tw.township}-${month}`}>
          <span class="tag warn">{t("county_report_awaited", { month, date: tw.next_report?.month === month ? tw.next_report.due_date : "" })}</span>
        </p>
      ))}
      {tw.next_report && !tw.next_report.issued && !(tw.reports_awaited ?? []).includes(tw.next_report.month) && (
        <p class="muted" data-testid={`county-next-${tw.township}`}>
          {t("county_report_next", { month: tw.next_report.month, date: tw.next_report.due_date })}
        </p>
      )}
      {reports.length === 0 ? (
        <p class="muted">{t("county_no_reports")}</p>
      ) : (
        <ul class="county-reports">
          {reports.map((r) => (
            <li key={r.month} data-testid={`county-report-${tw.township}-${r.month}`}>
              <strong>{t("county_report_month", { month: r.month })}</strong>
              <span class="muted small digest">
                {label("county_report_digest")}
                <code>{r.report_digest}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("county_overdue_title")}</h3>
      {tw.overdue_proposals.length === 0 ? (
        <p class="muted">{t("county_no_overdue")}</p>
      ) : (
        <ul class="desk-proposals">
          {tw.overdue_proposals.map((p) => (
            <li key={p.id} class="overdue-row" data-testid={`county-overdue-${tw.township}-${p.id}`}>
              <div class="proposal-head">
                <strong>{p.title}</strong>
                <span class="tag overdue">{t("overdue_days", { n: p.working_days_overdue })}</span>
              </div>
              <p class="small proposal-facts">
                <span>
                  {label("handling_unit")}
                  {p.unit}
                </span>
                <span>
                  {label("deadline")}
                  {p.deadline}
                  {p.round >= 2 ? `（${t("answer_round", { n: 2 })}）` : ""}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("county_opinions_title")}</h3>
      {(tw.overdue_opinions ?? []).length === 0 ? (
        <p class="muted">{t("county_no_overdue_opinions")}</p>
      ) : (
        <ul class="desk-proposals">
          {tw.overdue_opinions!.map((o) => (
            <li key={o.id} class="overdue-row" data-testid={`county-opinion-${tw.township}-${o.id}`}>
              {t(o.waiting === "route" ? "county_opinion_route" : "county_opinion_answer", { id: o.id, category: o.category, department: o.department, due: o.due, days: o.working_days_overdue })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function County({ client }: AppProps) {
  const [overview, error, reload] = useOverview(client);
  const today = overview?.townships[0]?.today ?? "";
  return (
    <>
      <Card testid="county-head" class="wide">
        <div class="row wrap county-head">
          <strong class="county-name">{overview?.county.name ?? ""}</strong>
          {overview && <span data-testid="county-count">{t("county_townships_n", { n: overview.townships.length })}</span>}
          {today && (
            <span class="muted">
              {label("today")}
              {today}
            </span>
          )}
          <button type="button" onClick={() => void reload()} data-testid="county-refresh">
            {t("county_refresh")}
          </button>
        </div>
        <p class="muted small">{t("county_intro")}</p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </Card>
      {!overview && !error && <p class="muted">{t("county_loading")}</p>}
      {overview && <Summary townships={overview.townships} />}
      {overview?.townships.map((tw) => <TownshipCard key={tw.township} township={tw} />)}
    </>
  );
}

void startApp("app_county", "device:county", County, "/ws/county");
