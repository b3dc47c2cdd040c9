// The public tracking-code page (codes.html?vote=<id>#code=<code>): the tracking codes of every
// ballot accepted in a vote, in short form and sorted, read from the public board without
// enrolling, so that any device can open it; a box to find one's own code. Apart from them the
// vote's checked (spoiled) ballots, each opened here in the browser (crypto/SPEC.md §14) and
// shown with the choices it encrypted, so a delegate can compare them with what the tablet
// showed. Without a vote in the address it lists the votes on the board. The board is read
// again every few seconds.
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { normaliseTrackingCode, ready } from "../../src/crypto/index.js";
import { type BoardEvent, PlenumClient } from "./client";
import { useSignal } from "./hooks";
import { TrustStop } from "./trust_view";
import { lang, setLang, t } from "./i18n";
import { acceptedCodes, codesPageUrl, shortCode, voteTitle } from "./tracking";
import { Header } from "./ui";
import { voteKeys } from "./board";
import { payloadsOf } from "./events";
import { ChoiceWords, openSpoiled, spoiledEvents } from "./spoiled";

const REFRESH_MS = 5000;

function CodesPage(props: { client: PlenumClient }) {
  const { client } = props;
  useSignal(lang);
  const board = useSignal(client.board);
  const failure = useSignal(client.trustFailure);
  const [loaded, setLoaded] = useState(false);
  const params = new URLSearchParams(location.search);
  const voteId = params.get("vote");
  const fromHash = /(?:^#|&)code=([^&]+)/.exec(location.hash)?.[1];
  const [typed, setTyped] = useState(fromHash ? decodeURIComponent(fromHash) : "");
  useEffect(() => {
    document.title = `${t("codes_title")} · ${t("app_title")}`;
  });
  useEffect(() => {
    let stop = false;
    const read = async () => {
      try {
        await client.readBoard();
        if (!stop) setLoaded(true);
      } catch {
        // offline: the header says so; the next round tries again
      }
      if (!stop) setTimeout(read, REFRESH_MS);
    };
    void read();
    return () => {
      stop = true;
    };
  }, []);

  if (failure) return <TrustStop failure={failure} />;
  if (!voteId) {
    const votes = payloadsOf(board, "vote_created");
    return (
      <section class="card">
        <h2>{t("codes_title")}</h2>
        <p>{t("codes_choose_vote")}</p>
        {!loaded && <p class="muted">{t("codes_loading")}</p>}
        <ul class="vote-links">
          {votes.map((v) => (
            <li>
              <a href={codesPageUrl(v.vote_id)}>{voteTitle(board, v.vote_id)}</a>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const title = voteTitle(board, voteId);
  const codes = acceptedCodes(board, voteId);
  const wanted = typed.trim() ? normaliseTrackingCode(typed) : null;
  const found = wanted !== null && codes.includes(wanted);
  const spoiled = wanted !== null && !found && spoiledEvents(board, voteId).some((e) => shortCode(e.payload.tracking_code) === wanted);
  return (
    <section class="card codes-page">
      <h2 data-testid="codes-title">
        {t("codes_title")} · {title ?? voteId}
      </h2>
      {!loaded ? (
        <p class="muted">{t("codes_loading")}</p>
      ) : title === null ? (
        <p class="error" role="alert">
          {t("codes_no_vote")}
        </p>
      ) : (
        <>
          <p data-testid="codes-count">{t("codes_count", { n: codes.length })}</p>
          <p class="muted">{t("codes_explain")}</p>
          <label>
            {t("codes_find")}
            <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} autoComplete="off" autoCapitalize="characters" placeholder="XXXX-XXXX-XXXX-XXXX" data-testid="codes-find" />
          </label>
          {typed.trim() !== "" && (
            <p class={found ? "verdict pass big-verdict" : spoiled ? "notice" : "notice warn"} role="status" data-testid="codes-found">
              {wanted === null ? t("codes_typed_incomplete") : found ? t("codes_found") : spoiled ? t("codes_found_spoiled") : t("codes_not_found")}
            </p>
          )}
          <ol class="code-list" data-testid="codes-list">
            {codes.map((c) => (
              <li class={c === wanted ? "code mine" : "code"} data-testid="code-item">
                {c}
              </li>
            ))}
          </ol>
          <SpoiledBallots board={board} voteId={voteId} wanted={wanted} />
        </>
      )}
    </section>
  );
}

/** The vote's spoiled ballots, each opened with its published openings. */
function SpoiledBallots(props: { board: readonly BoardEvent[]; voteId: string; wanted: string | null }) {
  const events = spoiledEvents(props.board, props.voteId);
  const keys = voteKeys(props.board).get(props.voteId);
  return (
    <section class="spoiled" data-testid="spoiled">
      <h3>{t("codes_spoiled_title")}</h3>
      <p class="muted">{t("codes_spoiled_explain")}</p>
      {events.length === 0 || !keys ? (
        <p data-testid="spoiled-none">{t("codes_spoiled_none")}</p>
      ) : (
        <ol class="spoiled-list">
          {events.map((e) => {
            const s = openSpoiled(e, keys);
            return (
              <li class={s.code === props.wanted ? "mine" : undefined} data-testid="spoiled-item" data-code={s.code} data-problem={s.problem ?? undefined}>
                <span class="code">{s.code}</span>
                {s.choices && <ChoiceWords m={keys.manifest} choices={s.choices} />}
                {s.problem && (
                  <p class="error" role="alert" data-testid="spoiled-problem">
                    {s.choices ? t("codes_spoiled_recorded_differs") : t("codes_spoiled_bad")}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

async function start(): Promise<void> {
  await ready();
  setLang(lang.get());
  const client = new PlenumClient();
  client.start(null);
  (window as any).plenum = client;
  render(
    <div class="shell">
      <Header titleKey="codes_title" client={client} />
      <main>
        <CodesPage client={client} />
      </main>
    </div>,
    document.getElementById("app")!,
  );
}

void start();
