// A decided vote's outcome (the server's outcome JSON, protocol/rules.hpp) as bar charts:
// motion options, election candidates with the elected marked, appraisal and confidence
// levels per member, satisfaction levels per item with each item's verdict, each bar in its
// choice's colour. Percentages are the server's, of the
// ballots cast. PublicResult is what tablets show: counts only once the chair announced them.
import { optionLabel } from "./ui";
import { label, listSep, t } from "./i18n";

function Bar(props: { label: string; count: number; percent: string; highlight?: boolean; optionId?: string }) {
  const width = Math.max(0, Math.min(100, Number(props.percent) || 0));
  return (
    <div class={`bar${props.highlight ? " hl" : ""}${props.optionId ? ` opt-${props.optionId}` : ""}`}>
      <span class="bar-label">{props.label}</span>
      <span class="bar-track">
        <span class="bar-fill" style={{ width: `${width}%` }} />
      </span>
      <span class="bar-value">
        {t("votes_count", { n: props.count })} · {props.percent}%
      </span>
    </div>
  );
}

/** One vote's result; `vote` is an entry of the state's votes with status "decided". */
export function VoteResult(props: { vote: Record<string, any> }) {
  const o = props.vote["outcome"] as Record<string, any> | undefined;
  if (!o) return null;
  const kind = String(o["kind"]);
  return (
    <div class="result" data-testid={`result-${props.vote["id"]}`}>
      <h3>
        {props.vote["title"]} <span class="muted">{t(`vote_kind_${kind}`)}</span>{" "}
        {props.vote["announced"] ? (
          <span class="tag" data-testid={`announced-${props.vote["id"]}`}>
            {t("result_announced")}
          </span>
        ) : (
          <span class="tag muted">{t("result_not_announced")}</span>
        )}
      </h3>
      <p class="muted">
        {t("seated")} {o["seated"]} · {t("present")} {o["present"]} · {t("result_ballots", { n: o["ballots"] })}
      </p>
      {kind === "motion" && (
        <>
          {(o["options"] as any[]).map((op) => (
            <Bar label={optionLabel(op.id, op.label)} count={op.count} percent={op.percent} optionId={op.id} />
          ))}
          <p class={o["passed"] ? "verdict pass" : "verdict fail"}>
            {o["passed"] ? t("result_passed") : t("result_failed")} · {t("result_required", { n: o["required"] })}
          </p>
        </>
      )}
      {kind === "election" && <Election o={o} />}
      {kind === "satisfaction" && <Satisfaction o={o} />}
      {(kind === "appraisal" || kind === "confidence") && (
        <>
          {(o["members"] as any[]).map((m) => (
            <div class="member">
              <h4>{m.name}</h4>
              {(m.levels as any[]).map((l) => (
                <Bar label={optionLabel(l.id, l.label)} count={l.count} percent={l.percent} optionId={l.id} />
              ))}
            </div>
          ))}
          {kind === "confidence" && (o["flagged"] as any[]).length > 0 && (
            <p class="verdict fail">{t("result_flagged", { names: names(o, o["flagged"]) })}</p>
          )}
        </>
      )}
    </div>
  );
}

function names(o: Record<string, any>, ids: string[]): string {
  const list = (o["candidates"] ?? o["members"] ?? o["items"] ?? []) as any[];
  return ids.map((id) => list.find((c) => c.id === id)?.name ?? id).join(listSep());
}

/** A satisfaction appraisal: per item its levels and whether it is judged satisfactory. */
function Satisfaction(props: { o: Record<string, any> }) {
  const o = props.o;
  const flagged = o["flagged"] as string[];
  return (
    <>
      {(o["items"] as any[]).map((it) => (
        <div class="member" data-testid={`item-${it.id}`}>
          <h4>{it.name}</h4>
          {(it.levels as any[]).map((l) => (
            <Bar label={optionLabel(l.id, l.label)} count={l.count} percent={l.percent} optionId={l.id} />
          ))}
          <p class={it.satisfactory ? "verdict pass" : "verdict fail"}>
            {t(it.satisfactory ? "result_item_satisfactory" : "result_item_unsatisfactory", { percent: it.percent })}
          </p>
        </div>
      ))}
      <p class={flagged.length ? "verdict fail" : "verdict pass"} data-testid="satisfaction-verdict">
        {flagged.length ? t("result_unsatisfactory", { names: names(o, flagged) }) : t("result_all_satisfactory")} ·{" "}
        {t("result_satisfaction_required", { n: o["required"] })}
      </p>
    </>
  );
}

function Election(props: { o: Record<string, any> }) {
  const o = props.o;
  const elected = o["elected"] as string[];
  return (
    <>
      {(o["candidates"] as any[]).map((c) => (
        <Bar label={`${c.name}${c.elected ? " ✔" : ""}`} count={c.approve} percent={c.percent} highlight={c.elected} optionId="approve" />
      ))}
      <p class="verdict pass" data-testid="elected">
        {label("result_elected_names")}{elected.length ? names(o, elected) : "—"}
      </p>
      {(o["runoff"] as string[]).length > 0 && <p class="verdict fail">{t("result_runoff", { names: names(o, o["runoff"]) })}</p>}
      {o["further_round_seats"] > 0 && <p class="verdict fail">{t("result_further", { n: o["further_round_seats"] })}</p>}
    </>
  );
}

/**
 * A finished vote as everyone but the chair, the secretary and the scrutineers may see it:
 * counting while closed, "计票完成，等待主持人宣布" once decided, the result once announced.
 */
export function PublicResult(props: { vote: Record<string, any> }) {
  const v = props.vote;
  if (v["status"] === "decided" && v["announced"] && v["outcome"]) return <VoteResult vote={v} />;
  return (
    <div class="result waiting" data-testid={`embargo-${v["id"]}`}>
      <h3>{v["title"]}</h3>
      <p class="big-notice">{v["status"] === "decided" ? t("result_waiting_announcement") : t("result_counting")}</p>
    </div>
  );
}
