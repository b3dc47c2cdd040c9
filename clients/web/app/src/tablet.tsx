// The delegate's tablet, one thing at a time: the delegate's name and check-in first (between
// sittings, the check-in to today's activity and the delegate's group come first); when a
// vote opens its ballot comes to the front (agenda and proposals fold away below); the
// receipt with its short tracking code and QR code; results only once the chair announced
// them. Every state is said in words: offline (and what happens to a ballot being sent), a
// vote open before check-in, a vote that closed before the ballot was cast. For a scrutineer,
// the scrutineer panel.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { checkinDigest, toHex } from "../../src/crypto/index.js";
import { BallotView } from "./ballot";
import { useRefreshOnAnnouncement } from "./announced";
import { useSignal } from "./hooks";
import { label, t } from "./i18n";
import { MyGroup } from "./my_group";
import { MyPerformance } from "./my_performance";
import { MyProposals } from "./my_proposals";
import { MyContacts } from "./my_contacts";
import { JumpRow } from "./jump_row";
import { type RosterProof, voteBases } from "./trust";
import { CheckedReceipt, TrustRefusal } from "./trust_view";
import { refusedReceipts } from "./receipt_check";
import { PublicResult } from "./results";
import { ScrutineerPanel } from "./scrutineer";
import { codesPageUrl, shortCode } from "./tracking";
import { Attendance, Card, type AppProps, startApp, useAction } from "./ui";
import { ProtocolError } from "./client";

interface LocalReceipt {
  code: string;
  seq: number;
}

function Tablet({ client }: AppProps) {
  const state = useSignal(client.state);
  const board = useSignal(client.board);
  useRefreshOnAnnouncement(client, board);
  const status = useSignal(client.status);
  const switching = useSignal(client.switching);
  const who = useSignal(client.identity)!;
  const [err, busy, run] = useAction();
  const [openItem, setOpenItem] = useState<string | null>(null);
  // Personal part of the last fetched state, receipts of ballots cast on this page, ballots
  // that were on screen (to say so when their vote closes unsent), and notices dismissed.
  const lastMe = useRef<Record<string, any>>({});
  const [castHere, setCastHere] = useState<Record<string, LocalReceipt>>({});
  const shown = useRef<Set<string>>(new Set());
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  // This device's roster proofs by vote (get_roster_proof), and the votes asked for.
  const [proofs, setProofs] = useState<ReadonlyMap<string, RosterProof>>(new Map());
  const askedProof = useRef<Set<string>>(new Set());
  const keys = voteBases(board, client.congressId, client.devicePk()!, proofs);
  // A vote_opened of format 2 without its roster on this board: ask once for this device's
  // inclusion path, then check the vote again with it.
  useEffect(() => {
    for (const [voteId, check] of keys) {
      if (!check.needsProof || askedProof.current.has(voteId)) continue;
      askedProof.current.add(voteId);
      client
        .request("get_roster_proof", { vote_id: voteId })
        .then((r) => {
          const proof = r["proof"] as Record<string, any> | undefined;
          const path = proof?.["path"];
          const answer: RosterProof = Array.isArray(path) ? { index: Number(proof!["index"]), count: Number(proof!["count"]), path: path.map(String) } : { index: -1, count: 0, path: [] };
          setProofs((old) => new Map(old).set(voteId, answer));
        })
        .catch((e) => {
          if (e instanceof ProtocolError && e.code === "not_in_roster") setProofs((old) => new Map(old).set(voteId, "not_in_roster"));
          else askedProof.current.delete(voteId);
        });
    }
  });
  useEffect(() => {
    // A delegate's tablet reads of the board, past and live, only the sitting's course and its
    // own device's events (its ballots are read on demand), whatever the size of the hall; a
    // scrutineer's needs every ballot to check the tally.
    const scrutineer = who.roles.includes("scrutineer");
    void client.subscribe([scrutineer ? "board" : "course", "state", "results"]);
  }, []);
  // Pushed states are the public view. The personal one ("me": presence, receipts) changes with
  // the sitting's course and this delegate's own actions, not with other delegates' ballots:
  // fetch it when the course changes, not after every progress push (a hall of thousands would
  // otherwise answer thousands of get_state after each push).
  const course = state && !state["me"] ? courseOf(state) : null;
  const lastCourse = useRef<string | null>(null);
  useEffect(() => {
    if (course === null || course === lastCourse.current) return;
    lastCourse.current = course;
    void client.refreshState().catch(() => undefined);
  }, [course]);
  if (state && state["me"]) lastMe.current = state["me"];
  const me = state?.["me"] ?? lastMe.current;
  const name = String(me["person"]?.["name"] ?? "");
  const offline = status !== "online";
  const banner = offline && (
    <p class="banner offline" role="alert" data-testid="offline">
      {t(switching ? "tablet_offline_switching" : "tablet_offline")}
    </p>
  );
  const nameplate = (
    <p class="me-name" data-testid="me-name">
      {name || who.person}
      <span class="me-role">
        {who.roles.map((r) => t(`role_${r}`)).join(" ")} · {who.person}
      </span>
    </p>
  );
  if (!state || !state["sitting"])
    return (
      <div class="tablet">
        {nameplate}
        {banner}
        {who.roles.includes("delegate") && <JumpRow />}
        {who.roles.includes("delegate") && <MyGroup client={client} board={board} me={who.person} />}
        <Card>
          <p class="muted">{t("no_sitting")}</p>
        </Card>
        {who.roles.includes("delegate") && <MyPerformance client={client} me={who.person} />}
        {who.roles.includes("delegate") && <MyProposals client={client} board={board} me={who.person} />}
        {who.roles.includes("delegate") && <MyContacts client={client} board={board} me={who.person} />}
      </div>
    );
  const sitting = state["sitting"];
  const isDelegate = who.roles.includes("delegate");
  const isScrutineer = who.roles.includes("scrutineer");
  const mayCheckIn = isDelegate || who.roles.includes("alternate") || who.roles.includes("observer");
  const fromServer = new Map<string, any>(((me["receipts"] ?? []) as any[]).map((r) => [r.vote_id, r]));
  const receiptOf = (id: string): LocalReceipt | null => {
    const here = castHere[id];
    if (here) return here;
    const r = fromServer.get(id);
    return r ? { code: shortCode(String(r.tracking_code)), seq: Number(r.board_seq) } : null;
  };
  const votes = (state["votes"] ?? []) as any[];
  const open = votes.filter((v) => v.status === "open");
  const present = Boolean(me["present"]);
  // After the sitting closed, the delegate's proposals are what is left to do: they come first.
  const betweenSittings = sitting.status === "closed";
  const ballotUp = isDelegate && open.some((v) => !receiptOf(v.id) && present && keys.has(v.id));
  // Votes whose ballot was on this screen and that closed without a ballot from this delegate.
  const missed = votes.filter((v) => v.status !== "open" && shown.current.has(v.id) && !receiptOf(v.id) && !dismissed.has(v.id));

  const checkin = () =>
    run(async () => {
      const key = client.secretKey()!;
      const unixMs = Math.round(client.serverNow());
      const sig = key.sign(checkinDigest(sitting.id, key.publicKey(), unixMs));
      await client.request("checkin", { sitting_id: sitting.id, unix_ms: unixMs, signature: toHex(sig) });
      await client.refreshState();
    });

  const checkinButton = (
    <button type="button" class="primary huge-button" disabled={busy || !sitting.checkin_open} onClick={checkin} data-testid="checkin">
      {sitting.checkin_open ? t("checkin_button") : t("checkin_closed")}
    </button>
  );

  const agenda = (
    <ol class="agenda">
      {((state["agenda"] ?? []) as any[]).map((item) => (
        <li class={item.id === state["current_item"] ? "current" : ""}>
          <button type="button" class="link" onClick={() => setOpenItem(openItem === item.id ? null : item.id)} aria-expanded={openItem === item.id}>
            {item.title} <span class="tag">{t(`item_kind_${item.kind}`)}</span>
            {item.id === state["current_item"] && <span class="tag now">{t("current_item")}</span>}
          </button>
          {openItem === item.id && (
            <div class="materials">
              <h3>{t("materials")}</h3>
              {(item.materials as any[]).length === 0 && <p class="muted">{t("no_materials")}</p>}
              {(item.materials as any[]).map((m) => (
                <article>
                  <h4>{m.title}</h4>
                  {m.text ? <p class="material-text">{m.text}</p> : <a href={m.url}>{m.url}</a>}
                </article>
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );

  // Results: the latest closed or decided vote first; counts only once announced.
  const finished = votes.filter((v) => v.status === "closed" || v.status === "decided").reverse();

  return (
    <div class="tablet">
      {nameplate}
      {banner}
      {isDelegate && betweenSittings && <JumpRow />}
      {isDelegate && betweenSittings && <MyGroup client={client} board={board} me={who.person} />}
      <Card title={sitting.title} testid="sitting" class={ballotUp ? "compact" : ""}>
        {mayCheckIn &&
          !(isDelegate && !present && open.length > 0) &&
          (present ? (
            <p class="verdict pass big-verdict" data-testid="checked-in">
              ✔ {t("checked_in")}
            </p>
          ) : betweenSittings ? (
            <p class="muted" data-testid="sitting-over">
              {t("sitting_over")}
            </p>
          ) : (
            <div class="checkin-box">
              {sitting.checkin_open && <p>{t("checkin_prompt")}</p>}
              {checkinButton}
            </div>
          ))}
        {err && (
          <p class="error" role="alert" data-testid="error">
            {err}
          </p>
        )}
        {!ballotUp && <Attendance state={state} />}
      </Card>
      {isDelegate && betweenSittings && <MyPerformance client={client} me={who.person} />}
      {isDelegate && betweenSittings && <MyProposals client={client} board={board} me={who.person} />}
      {isDelegate && betweenSittings && <MyContacts client={client} board={board} me={who.person} />}
      {missed.map((v) => (
        <section class="card notice-card" role="alert" data-testid={`missed-${v.id}`}>
          <p>{t("vote_closed_unsent", { title: v.title })}</p>
          <button type="button" class="big" onClick={() => setDismissed(new Set([...dismissed, v.id]))}>
            {t("understood")}
          </button>
        </section>
      ))}
      {isDelegate &&
        open.map((v) => {
          const r = receiptOf(v.id);
          if (r) return <CheckedReceipt key={`r-${v.id}`} client={client} voteId={v.id} title={v.title} code={r.code} seq={r.seq} fresh={Boolean(castHere[v.id])} />;
          if (!present)
            return (
              <section class="card notice-card" role="alert" data-testid={`vote-needs-checkin-${v.id}`}>
                <h2>{v.title}</h2>
                <p class="big-notice">{t("vote_open_checkin_first")}</p>
                {sitting.checkin_open ? checkinButton : <p>{t("vote_open_checkin_closed")}</p>}
              </section>
            );
          const check = keys.get(v.id);
          if (!check || check.needsProof)
            return (
              <Card title={v.title}>
                <p class="muted">{t("ballot_loading")}</p>
              </Card>
            );
          if (check.problem) return <TrustRefusal key={`t-${v.id}`} voteId={v.id} title={v.title} problem={check.problem} />;
          shown.current.add(v.id);
          return <BallotView key={v.id} client={client} keyBytes={client.secretKey()!} vote={v} keys={check.basis} onCast={(code, seq) => setCastHere({ ...castHere, [v.id]: { code, seq } })} />;
        })}
      {isDelegate && open.length === 0 && (
        <Card>
          <p class="muted">{t("not_open")}</p>
        </Card>
      )}
      {isScrutineer && <ScrutineerPanel client={client} key_={client.secretKey()!} />}
      {finished.length > 0 && (
        <Fold folded={ballotUp} title={t("results")} testid="results">
          <PublicResult vote={finished[0]} />
          <MyCode voteId={finished[0].id} receipt={receiptOf(finished[0].id)} />
          {finished.length > 1 && (
            <details class="earlier">
              <summary>{t("results_earlier", { n: finished.length - 1 })}</summary>
              {finished.slice(1).map((v) => (
                <>
                  <PublicResult vote={v} />
                  <MyCode voteId={v.id} receipt={receiptOf(v.id)} />
                </>
              ))}
            </details>
          )}
        </Fold>
      )}
      <Fold folded={ballotUp} title={t("agenda")} testid="agenda">
        {agenda}
      </Fold>
      {isDelegate &&
        !betweenSittings &&
        (ballotUp ? (
          <details class="card" data-testid="proposal-fold">
            <summary>{t("my_proposals")}</summary>
            <MyProposals client={client} board={board} me={who.person} />
          </details>
        ) : (
          <MyProposals client={client} board={board} me={who.person} />
        ))}
      {isDelegate && !betweenSittings && !ballotUp && <MyPerformance client={client} me={who.person} />}
    </div>
  );
}

/** The delegate's own tracking code of a finished vote, with the page where it can be found. */
function MyCode(props: { voteId: string; receipt: LocalReceipt | null }) {
  if (!props.receipt || refusedReceipts.get().has(props.voteId)) return null;
  return (
    <p class="my-code" data-testid={`my-code-${props.voteId}`}>
      {label("my_tracking_code")}
      <span class="code">{props.receipt.code}</span>{" "}
      <a href={codesPageUrl(props.voteId, props.receipt.code)} target="_blank" rel="noopener">
        {t("codes_check")}
      </a>
    </p>
  );
}

/** A card, or folded away under its title while something more pressing is on screen. */
function Fold(props: { folded: boolean; title: string; testid: string; children: ComponentChildren }) {
  if (!props.folded)
    return (
      <Card title={props.title} testid={props.testid}>
        {props.children}
      </Card>
    );
  return (
    <details class="card" data-testid={props.testid}>
      <summary>{props.title}</summary>
      {props.children}
    </details>
  );
}

void startApp("app_tablet", "device:tablet", Tablet);

/** What in the public view can change this delegate's own view: the sitting and its check-in,
 * who is seated or excused, the current item. Not the progress counts, and not a vote's status:
 * the own view (presence, receipts) does not change when a vote opens, closes or is decided (a
 * ballot cast here is kept on the page; the ballot's manifest comes from the board), so a hall
 * of tablets does not all ask for their views the moment the chair closes a vote. */
function courseOf(state: Record<string, any>): string {
  const sitting = state["sitting"] ?? {};
  return JSON.stringify([sitting.id, sitting.status, sitting.checkin_open, state["seated"], state["excused"], state["current_item"]]);
}
