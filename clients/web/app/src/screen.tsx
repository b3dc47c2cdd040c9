// The hall's big screen (enrolled with the projector role; read-only), for a 1920×1080
// projection: it follows the sitting by itself and shows one thing, large — attendance and
// quorum during check-in before the sitting opens, the open vote's title and progress during a vote, "计票完成，等待主持人
// 宣布" with the vote's tracking codes (pages that turn) until the chair announces, and the
// announced result after 宣布. Counts appear only in announced results. No header controls.
import { useEffect } from "preact/hooks";
import { useRefreshOnAnnouncement } from "./announced";
import { useVoteBallots } from "./ballots_on_demand";
import { useSignal } from "./hooks";
import { t } from "./i18n";
import { ScreenResult, usePager } from "./screen_result";
import { acceptedCodes } from "./tracking";
import { type AppProps, startApp } from "./ui";

/** Tracking codes shown at once while a vote waits for its announcement. */
const CODES_PER_PAGE = 40;

function Screen({ client }: AppProps) {
  const state = useSignal(client.state);
  const board = useSignal(client.board);
  useRefreshOnAnnouncement(client, board);
  useEffect(() => {
    void client.subscribe(["basis", "state", "results"]);
  }, []);
  // The tracking codes shown while a vote waits for its announcement: its ballots, read once
  // it closed.
  const waiting = ((state?.["votes"] ?? []) as any[]).filter((v) => v.status === "closed" || (v.status === "decided" && !v.announced));
  useVoteBallots(
    client,
    waiting.map((v) => ({ id: String(v.id), received: Number(v.received ?? 0) })),
    state,
  );
  if (!state || !state["sitting"]) return <p class="screen-now center">{t("no_sitting")}</p>;
  const s = state["sitting"];
  const agenda = (state["agenda"] ?? []) as any[];
  const current = agenda.find((i) => i.id === state["current_item"]);
  const votes = (state["votes"] ?? []) as any[];
  const open = votes.find((v) => v.status === "open");
  const finished = votes.filter((v) => v.status === "closed" || v.status === "decided");
  const latest = finished[finished.length - 1];
  const announced = votes.filter((v) => v.status === "decided" && v.announced && v.outcome);
  const lastAnnounced = announced[announced.length - 1];
  const q = state["quorum"] ?? {};

  let mode: string;
  let body;
  if (open) {
    mode = "voting";
    const pct = open.eligible_present ? Math.round((100 * open.received) / open.eligible_present) : 0;
    body = (
      <div class="screen-stage" data-testid={`screen-progress-${open.id}`}>
        <p class="screen-kicker">
          {t("screen_voting")} · {t(`vote_kind_${open.kind ?? "motion"}`)}
        </p>
        <h2 class="screen-now" data-testid="screen-now">
          {open.title}
        </h2>
        <p class="screen-figure-line">{t("progress_of", { received: open.received, eligible: open.eligible_present })}</p>
        <div class="screen-progress" role="progressbar" aria-label={t("progress")} aria-valuemin={0} aria-valuemax={open.eligible_present} aria-valuenow={open.received}>
          <span style={{ width: `${pct}%` }} />
        </div>
      </div>
    );
  } else if (s.checkin_open && s.status !== "open") {
    mode = "checkin";
    body = (
      <div class="screen-stage">
        <p class="screen-kicker">
          {s.title} · {t("screen_checkin")}
        </p>
        <Figures state={state} />
        <p class={q["holds"] ? "screen-now quorum-ok" : "screen-now quorum-short"} data-testid="screen-now">
          {q["holds"] ? t("quorum_holds") : t("quorum_short", { n: q["shortfall"] ?? 0 })}
        </p>
      </div>
    );
  } else if (latest && !(latest.status === "decided" && latest.announced)) {
    mode = "waiting";
    body = <Waiting vote={latest} codes={acceptedCodes(board, latest.id)} />;
  } else if (lastAnnounced) {
    mode = "result";
    body = <ScreenResult vote={lastAnnounced} />;
  } else {
    mode = "overview";
    body = (
      <div class="screen-stage">
        <p class="screen-kicker">{t(`sitting_status_${s.status}`)}</p>
        <h2 class="screen-now" data-testid="screen-now">
          {current ? current.title : s.title}
        </h2>
        <Figures state={state} />
      </div>
    );
  }
  return (
    <div class="screen" data-testid="screen" data-mode={mode}>
      {body}
      <footer class="screen-footer" data-testid="screen-title">
        <span>{s.title}</span>
        {current && mode !== "overview" && <span>{`${t("current_item")}：${current.title}`}</span>}
        <span>
          {t("seated")} {state["seated"] ?? 0} · {t("present")} {state["present"] ?? 0}
        </span>
      </footer>
    </div>
  );
}

/** Seated, present and quorum as the projector's largest figures. */
function Figures(props: { state: Record<string, any> }) {
  const s = props.state;
  return (
    <div class="screen-figures" data-testid="attendance">
      <div>
        <span class="label">{t("seated")}</span>
        <span class="value">{s["seated"] ?? 0}</span>
      </div>
      <div>
        <span class="label">{t("present")}</span>
        <span class="value" data-testid="screen-present">
          {s["present"] ?? 0}
        </span>
      </div>
      <div>
        <span class="label">{t("quorum")}</span>
        <span class="value">{s["quorum"]?.["required"] ?? 0}</span>
      </div>
    </div>
  );
}

/** A closed vote before its announcement: the state in words and the tracking codes, paged. */
function Waiting(props: { vote: Record<string, any>; codes: string[] }) {
  const v = props.vote;
  const pages = Math.max(1, Math.ceil(props.codes.length / CODES_PER_PAGE));
  const page = usePager(pages, String(v["id"]));
  return (
    <div class="screen-stage" data-testid={`screen-embargo-${v["id"]}`}>
      <h2 class="screen-kicker">{v["title"]}</h2>
      <p class="screen-now" data-testid="screen-now">
        {v["status"] === "decided" ? t("result_waiting_announcement") : t("result_counting")}
      </p>
      {props.codes.length > 0 && (
        <section class="screen-codes" data-testid="screen-codes">
          <h3>
            {t("screen_codes_title", { n: props.codes.length })}
            {pages > 1 && <span class="screen-pager-inline">{t("screen_page", { page: page + 1, pages })}</span>}
          </h3>
          <ol>
            {props.codes.slice(page * CODES_PER_PAGE, (page + 1) * CODES_PER_PAGE).map((c) => (
              <li class="code">{c}</li>
            ))}
          </ol>
          <p class="screen-hint">{t("screen_codes_hint")}</p>
        </section>
      )}
    </div>
  );
}

void startApp("app_screen", "device:screen", Screen);
