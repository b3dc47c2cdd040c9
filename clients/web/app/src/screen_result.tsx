// An announced result as the projector shows it, readable from the back of the hall: the
// vote's title, one large row per option, candidate or member in the choices' colours, and
// the verdict (通过 / 未通过 / 当选) in the largest type. Long lists (an appraisal of many
// members, a large election) are cut into pages that turn by themselves, so that the whole
// result is always on screen.
import { useEffect, useState } from "preact/hooks";
import { listSep, t } from "./i18n";
import { optionLabel } from "./ui";

/** Rows of a long result shown at once; the page turns every PAGE_MS. */
export const ROWS_PER_PAGE = 7;
export const PAGE_MS = 6000;

/** The page (0-based) of `pages` shown now, turning every PAGE_MS while more than one. */
export function usePager(pages: number, key: string): number {
  const [page, setPage] = useState(0);
  useEffect(() => {
    setPage(0);
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages, key]);
  return Math.min(page, Math.max(0, pages - 1));
}

function Pager(props: { page: number; pages: number }) {
  if (props.pages <= 1) return null;
  return (
    <p class="screen-pager" data-testid="screen-pager">
      {t("screen_page", { page: props.page + 1, pages: props.pages })}
    </p>
  );
}

/** One row: a label, a bar of `percent` in the colour of `optionId`, the count. */
function Row(props: { label: string; count: number; percent: string; optionId: string; mark?: string }) {
  const width = Math.max(0, Math.min(100, Number(props.percent) || 0));
  return (
    <div class={`screen-row opt-${props.optionId}`}>
      <span class="screen-row-label">{props.label}</span>
      <span class="screen-row-track">
        <span class="screen-row-fill" style={{ width: `${width}%` }} />
      </span>
      <span class="screen-row-count">
        {t("votes_count", { n: props.count })} <small>{props.percent}%</small>
      </span>
      {props.mark !== undefined && <span class="screen-row-mark">{props.mark}</span>}
    </div>
  );
}

/** One member's levels as one stacked bar, each level in its colour with its count. */
function LevelsRow(props: { name: string; levels: any[]; ballots: number; mark?: string }) {
  return (
    <div class="screen-row levels">
      <span class="screen-row-label">{props.name}</span>
      <span class="screen-stack">
        {props.levels.map((l) =>
          l.count > 0 ? (
            <span class={`screen-stack-part opt-${l.id}`} style={{ flexGrow: l.count }} title={optionLabel(l.id, l.label)}>
              {l.count}
            </span>
          ) : null,
        )}
        <span class="screen-stack-rest" style={{ flexGrow: Math.max(0, props.ballots - props.levels.reduce((n, l) => n + Number(l.count), 0)) }} />
      </span>
      {props.mark !== undefined && <span class="screen-row-mark">{props.mark}</span>}
    </div>
  );
}

function names(o: Record<string, any>, ids: string[]): string {
  const list = (o["candidates"] ?? o["members"] ?? o["items"] ?? []) as any[];
  return ids.map((id) => list.find((c) => c.id === id)?.name ?? id).join(listSep());
}

/** The announced result of `vote` (an entry of the state's votes with an outcome). */
export function ScreenResult(props: { vote: Record<string, any> }) {
  const v = props.vote;
  const o = v["outcome"] as Record<string, any>;
  const kind = String(o["kind"]);
  const rows: any[] = kind === "election" ? o["candidates"] : kind === "motion" ? o["options"] : kind === "satisfaction" ? o["items"] : o["members"];
  const pages = kind === "motion" ? 1 : Math.ceil(rows.length / ROWS_PER_PAGE);
  const page = usePager(pages, String(v["id"]));
  const visible = kind === "motion" ? rows : rows.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE);
  const levels: any[] = kind === "appraisal" || kind === "confidence" || kind === "satisfaction" ? (rows[0]?.levels ?? []) : [];
  return (
    <div class="screen-result" data-testid={`screen-result-${v["id"]}`}>
      <p class="screen-kicker">
        {t("result_announced")} · {t(`vote_kind_${kind}`)} · {t("result_ballots", { n: o["ballots"] })}
      </p>
      <h2 class="screen-now" data-testid="screen-now">
        {v["title"]}
      </h2>
      {levels.length > 0 && (
        <p class="screen-legend">
          {levels.map((l) => (
            <span class={`legend-item opt-${l.id}`}>{optionLabel(l.id, l.label)}</span>
          ))}
        </p>
      )}
      <div class="screen-rows">
        {kind === "motion" && visible.map((op) => <Row label={optionLabel(op.id, op.label)} count={op.count} percent={op.percent} optionId={op.id} />)}
        {kind === "election" &&
          visible.map((c) => <Row label={c.name} count={c.approve} percent={c.percent} optionId={c.elected ? "approve" : "none"} mark={c.elected ? t("result_elected") : ""} />)}
        {(kind === "appraisal" || kind === "confidence") && visible.map((m) => <LevelsRow name={m.name} levels={m.levels} ballots={o["ballots"]} />)}
        {kind === "satisfaction" &&
          visible.map((it) => <LevelsRow name={it.name} levels={it.levels} ballots={o["ballots"]} mark={it.satisfactory ? t("opt_satisfied") : t("opt_unsatisfied")} />)}
      </div>
      <Pager page={page} pages={pages} />
      {kind === "motion" && (
        <p class={o["passed"] ? "screen-verdict pass" : "screen-verdict fail"} data-testid="screen-verdict">
          {o["passed"] ? t("result_passed") : t("result_failed")}
        </p>
      )}
      {kind === "election" && (
        <p class="screen-verdict pass" data-testid="screen-verdict">
          {t("result_elected")}
          <span class="screen-verdict-names">{(o["elected"] as string[]).length ? names(o, o["elected"]) : "—"}</span>
        </p>
      )}
      {kind === "election" && (o["runoff"] as string[]).length > 0 && <p class="screen-note">{t("result_runoff", { names: names(o, o["runoff"]) })}</p>}
      {kind === "election" && o["further_round_seats"] > 0 && <p class="screen-note">{t("result_further", { n: o["further_round_seats"] })}</p>}
      {kind === "confidence" && (o["flagged"] as any[]).length > 0 && <p class="screen-note">{t("result_flagged", { names: names(o, o["flagged"]) })}</p>}
      {kind === "satisfaction" && (
        <p class={(o["flagged"] as any[]).length ? "screen-verdict fail" : "screen-verdict pass"} data-testid="screen-verdict">
          {(o["flagged"] as any[]).length ? t("result_unsatisfactory", { names: names(o, o["flagged"]) }) : t("result_all_satisfactory")}
        </p>
      )}
    </div>
  );
}
