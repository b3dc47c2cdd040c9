// The delegate's ballot for one open vote, as on a paper ballot: every choice carries its word
// (赞成/反对/弃权, the appraisal or confidence levels) in its own colour; big buttons for a
// motion; a grid of one row per candidate or member with a "no mark" column (never filled),
// and for an election a live counter of approvals against the seats; for a satisfaction
// appraisal one block per item, its title on a line of its own and the three levels and 不评
// as big buttons below it. A ballot with nothing
// marked asks before it goes on. Then encryption, proofs and signature on the tablet, a
// confirmation screen with the tracking code, and casting — kept and sent again while the
// connection is down — or checking the ballot instead (crypto/SPEC.md §14): its openings are
// sent, the server spoils it and answers the choices it opened, which the tablet compares with
// what it showed; the delegate then fills in a fresh ballot. The receipt itself is the
// tablet's (receipt.tsx).
import { useEffect, useState } from "preact/hooks";
import {
  type Manifest,
  type OpenedBallot,
  Point,
  SecretKey,
  ballotDigest,
  ballotToJson,
  checkChoices,
  fromHex,
  makeOpenedBallot,
  openingsToJson,
  toHex,
  trackingCode,
  trackingCodeDisplay,
  wipeOpenings,
} from "../../src/crypto/index.js";
import type { PlenumClient } from "./client";
import { useSignal } from "./hooks";
import { label, t } from "./i18n";
import { errorText, optionLabel } from "./ui";
import { checkReceipt, keepReceipt, refuseReceipt, refusedReceipts } from "./receipt_check";
import { ReceiptWarning } from "./trust_view";
import { ChoiceWords, MAX_CHALLENGES, keepSpoiledSeq, sameChoices, spoiledBy, spoiledSeqs } from "./spoiled";

/** Everything needed to make a ballot for a vote, gathered from the board. */
export interface VoteKeys {
  manifest: Manifest;
  jointKey: string;
  electionHash: string;
}

type Marks = number[]; // per contest: the chosen option index, or -1 for no mark

function toChoices(m: Manifest, marks: Marks): number[][] {
  return m.contests.map((c, i) => c.options.map((_, o) => (marks[i] === o ? 1 : 0)));
}

/** Marks placed at positions of the first constraint (an election's approvals). */
function constraintUse(m: Manifest, marks: Marks): { used: number; max: number } | null {
  const q = m.constraints[0];
  if (!q) return null;
  const used = q.positions.filter(([c, o]) => marks[c] === o).length;
  return { used, max: q.max };
}

type Step =
  | { at: "mark" }
  | { at: "blank" }
  | { at: "sealing" }
  | { at: "confirm"; opened: OpenedBallot; code: string }
  | { at: "sending"; code: string }
  | { at: "challenging"; code: string }
  | { at: "challenged"; code: string; shown: number[][]; recorded: unknown; codeMatches: boolean };

/** The colour class of a choice (style.css: one colour per meaning on every screen). */
export function choiceClass(optionId: string): string {
  return `opt-${optionId}`;
}

/**
 * The ballot screen of one vote; `onCast` with the tracking code (display form) and board
 * sequence once the server accepted the ballot.
 */
export function BallotView(props: { client: PlenumClient; keyBytes: SecretKey; vote: Record<string, any>; keys: VoteKeys; onCast: (code: string, seq: number) => void }) {
  const m = props.keys.manifest;
  const status = useSignal(props.client.status);
  const [marks, setMarks] = useState<Marks>(() => m.contests.map(() => -1));
  const [step, setStep] = useState<Step>({ at: "mark" });
  const [err, setErr] = useState("");
  const refused = useSignal(refusedReceipts).get(m.vote_id);
  const board = useSignal(props.client.board);
  const [challengedHere, setChallengedHere] = useState(0);
  const [limitReached, setLimitReached] = useState(false);
  const myPk = props.keyBytes.publicKey().hex();
  const challengesUsed = Math.max(challengedHere, spoiledBy(board, m.vote_id, myPk));
  // The checked ballots this device spoiled before a reload, read from the board.
  useEffect(() => {
    for (const seq of spoiledSeqs(myPk, m.vote_id)) void props.client.readEntry(seq).catch(() => undefined);
  }, [m.vote_id]);
  const challengesLeft = limitReached ? 0 : Math.max(0, MAX_CHALLENGES - challengesUsed);
  const use = constraintUse(m, marks);
  const problem = checkChoices(m, toChoices(m, marks));
  const tooMany = use !== null && use.used > use.max;
  const blank = marks.every((x) => x === -1);

  function mark(c: number, o: number) {
    setMarks(marks.map((x, i) => (i === c ? o : x)));
  }

  async function seal() {
    setErr("");
    setStep({ at: "sealing" });
    await new Promise((r) => setTimeout(r, 30)); // let the progress text paint
    const joint = Point.fromHex(props.keys.jointKey);
    const eh = fromHex(props.keys.electionHash, 32);
    const opened = joint && eh ? makeOpenedBallot(m, eh, joint, props.keyBytes, toChoices(m, marks)) : null;
    if (!opened || !eh) {
      setErr(t("ballot_incomplete"));
      setStep({ at: "mark" });
      return;
    }
    const b = opened.ballot;
    const code = trackingCodeDisplay(trackingCode(ballotDigest(b, eh), b.signature));
    setStep({ at: "confirm", opened, code });
  }

  async function challenge(opened: OpenedBallot, code: string) {
    setErr("");
    setStep({ at: "challenging", code });
    const b = opened.ballot;
    for (;;) {
      try {
        const r = await props.client.request("spoil_ballot", { vote_id: m.vote_id, ballot: ballotToJson(b), nonces: openingsToJson(opened) });
        const mine = toHex(trackingCode(ballotDigest(b, fromHex(props.keys.electionHash, 32)!), b.signature));
        if (Number.isSafeInteger(r["board_seq"])) keepSpoiledSeq(myPk, m.vote_id, Number(r["board_seq"]));
        setChallengedHere(challengesUsed + 1);
        setStep({ at: "challenged", code, shown: opened.choices, recorded: r["choices"], codeMatches: r["tracking_code"] === mine });
        return;
      } catch (e: any) {
        // As for casting: the identical spoil message goes again once connected (the server
        // answers a repeat with its first answer).
        if (e?.code === "unavailable") continue;
        if (e?.code === "challenge_limit") setLimitReached(true);
        setErr(errorText(e));
        setStep({ at: "confirm", opened, code });
        return;
      }
    }
  }

  function fillInAgain() {
    setErr("");
    setMarks(m.contests.map(() => -1));
    setStep({ at: "mark" });
  }

  async function cast(opened: OpenedBallot, code: string) {
    const b = opened.ballot;
    setStep({ at: "sending", code });
    for (;;) {
      try {
        const r = await props.client.request("cast_ballot", { vote_id: m.vote_id, ballot: ballotToJson(b) });
        // The receipt is shown only if the congress (or its certified standby) signed it for the
        // ballot made here.
        const receipt = r["receipt"] as Record<string, any>;
        const mine = trackingCode(ballotDigest(b, fromHex(props.keys.electionHash, 32)!), b.signature);
        const seq = Number(receipt?.["board_seq"]);
        const signer = Number.isSafeInteger(seq) && seq >= 0 ? await props.client.receiptSigner(seq) : null;
        const problem = checkReceipt([signer, props.client.congressPk, props.client.standbyKey()], receipt, mine);
        if (problem) return refuseReceipt(m.vote_id, problem);
        keepReceipt(m.vote_id, { trackingCode: toHex(mine), seq: Number(receipt["board_seq"]), entryHash: String(receipt["board_entry_hash"]) });
        // The entry the receipt names, when the reply carries it: kept on the board as a read
        // one would be, so the receipt's board check needs no get_board.
        const entry = r["entry"] as Record<string, any> | undefined;
        if (entry && Number(entry["seq"]) === seq && entry["entry_hash"] === receipt["board_entry_hash"]) props.client.keepEntry(entry);
        wipeOpenings(opened); // a cast ballot can no longer be challenged

        props.onCast(code, Number(receipt["board_seq"]));
        return;
      } catch (e: any) {
        // The connection dropped: the request waits for the next connection and the identical
        // ballot goes again (the server answers a repeat with the same receipt).
        if (e?.code === "unavailable") continue;
        setErr(errorText(e));
        setStep({ at: "confirm", opened, code });
        return;
      }
    }
  }

  if (refused) return <ReceiptWarning voteId={m.vote_id} title={m.title} problem={refused} />;
  if (step.at === "challenged") {
    const matches = sameChoices(step.shown, step.recorded);
    return (
      <section class="card confirm challenged ballot-front" data-testid="challenged">
        <h2>
          {t("challenge_title")} · {m.title}
        </h2>
        <p>
          {label("ballot_tracking")}
          <span class="code" data-testid="spoiled-code">
            {step.code}
          </span>
        </p>
        <p>{t("challenge_not_counted")}</p>
        {Array.isArray(step.recorded) && <ChoiceWords m={m} choices={step.recorded as number[][]} testid="spoiled-choices" />}
        <p class={matches ? "verdict pass" : "error big-verdict"} role={matches ? "status" : "alert"} data-testid="challenge-verdict">
          {matches ? t("challenge_match") : t("challenge_mismatch")}
        </p>
        {!step.codeMatches && (
          <p class="error big-verdict" role="alert" data-testid="challenge-code-mismatch">
            {t("challenge_code_mismatch")}
          </p>
        )}
        <p class="notice">{t("challenge_lookup")}</p>
        <p class="muted" data-testid="challenges-left">
          {challengesLeft > 0 ? t("ballot_challenge_left", { n: challengesLeft }) : t("ballot_challenge_none_left")}
        </p>
        <div class="row">
          <button type="button" class="primary big" onClick={fillInAgain} data-testid="fill-again">
            {t("challenge_again")}
          </button>
        </div>
      </section>
    );
  }
  if (step.at === "confirm" || step.at === "sending" || step.at === "challenging") {
    const busy = step.at !== "confirm";
    return (
      <section class="card confirm ballot-front" data-testid="confirm">
        <h2>
          {t("ballot_confirm_title")} · {m.title}
        </h2>
        <Summary m={m} marks={marks} />
        <p>
          {label("ballot_tracking")}
          <span class="code" data-testid="tracking-code">
            {step.code}
          </span>
        </p>
        <p class="muted">{t("ballot_tracking_hint")}</p>
        {step.at === "sending" && (
          <p class={status === "online" ? "notice" : "notice warn"} role="status" data-testid="sending">
            {status === "online" ? t("ballot_sending") : t("ballot_sending_offline")}
          </p>
        )}
        {err && (
          <p class="error" role="alert" data-testid="ballot-error">
            {err}
          </p>
        )}
        <div class="row">
          <button type="button" class="big" disabled={busy} onClick={() => setStep({ at: "mark" })} data-testid="back">
            {t("ballot_back")}
          </button>
          <button type="button" class="primary big" disabled={busy} onClick={() => step.at === "confirm" && cast(step.opened, step.code)} data-testid="cast">
            {t("ballot_confirm")}
          </button>
        </div>
        <div class="challenge-offer">
          <button type="button" disabled={busy || challengesLeft === 0} onClick={() => step.at === "confirm" && challenge(step.opened, step.code)} data-testid="challenge">
            {step.at === "challenging" ? t("ballot_challenging") : t("ballot_challenge")}
          </button>
          <p class="muted">{t("ballot_challenge_explain")}</p>
          <p class="muted" data-testid="challenges-left">
            {challengesLeft > 0 ? t("ballot_challenge_left", { n: challengesLeft }) : t("ballot_challenge_none_left")}
          </p>
        </div>
      </section>
    );
  }

  const single = m.contests.length === 1 && m.contests[0]!.min === 1;
  return (
    <section class="card ballot ballot-front" data-testid={`ballot-${m.vote_id}`}>
      <h2>
        {t("ballot_title")} · {m.title} <span class="tag">{t(`vote_kind_${m.kind}`)}</span>
      </h2>
      <p class="ballot-how">
        {single ? t("ballot_how_motion") : m.kind === "election" ? t("ballot_how_election") : m.kind === "satisfaction" ? t("ballot_how_satisfaction") : t("ballot_how_grid")}
      </p>
      {use && (
        <p class={tooMany ? "counter over" : "counter"} data-testid="approvals" aria-live="polite">
          {t("ballot_approvals", { n: use.used, max: use.max })}
          {tooMany && ` — ${t("ballot_too_many")}`}
        </p>
      )}
      {single ? (
        <div class="motion">
          <p class="contest-title">{m.contests[0]!.title}</p>
          <div class="motion-options" role="radiogroup" aria-label={m.contests[0]!.title}>
            {m.contests[0]!.options.map((op, o) => (
              <button
                type="button"
                role="radio"
                aria-checked={marks[0] === o}
                class={`choice ${choiceClass(op.option_id)}${marks[0] === o ? " on" : ""}`}
                onClick={() => mark(0, o)}
                data-testid={`mark-0-${op.option_id}`}
              >
                {marks[0] === o && <span aria-hidden="true">✔ </span>}
                {optionLabel(op.option_id, op.label)}
              </button>
            ))}
          </div>
        </div>
      ) : m.kind === "satisfaction" ? (
        <ItemRows m={m} marks={marks} mark={mark} />
      ) : (
        <Grid m={m} marks={marks} mark={mark} />
      )}
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      {step.at === "blank" ? (
        <div class="blank-ask" role="alertdialog" aria-labelledby="blank-q" data-testid="blank-warning">
          <p id="blank-q">{t("ballot_blank_question")}</p>
          <div class="row">
            <button type="button" class="big" onClick={() => setStep({ at: "mark" })} data-testid="blank-cancel">
              {t("ballot_blank_back")}
            </button>
            <button type="button" class="primary big" onClick={seal} data-testid="blank-confirm">
              {t("ballot_blank_yes")}
            </button>
          </div>
        </div>
      ) : (
        <div class="row">
          <button type="button" class="primary big" disabled={problem !== null || step.at === "sealing"} onClick={() => (blank ? setStep({ at: "blank" }) : seal())} data-testid="review">
            {step.at === "sealing" ? t("ballot_encrypting") : t("ballot_review")}
          </button>
          {problem !== null && !tooMany && <span class="muted">{t("ballot_incomplete")}</span>}
        </div>
      )}
    </section>
  );
}

function Grid(props: { m: Manifest; marks: Marks; mark: (c: number, o: number) => void }) {
  const { m, marks } = props;
  const header = m.contests[0]!.options;
  const who = m.kind === "election" ? t("candidate") : t("member");
  const none = m.kind === "election" ? t("opt_abstain") : t("ballot_no_mark");
  return (
    <table class="grid">
      <thead>
        <tr>
          <th scope="col">{who}</th>
          {header.map((op) => (
            <th scope="col" class={choiceClass(op.option_id)}>
              {optionLabel(op.option_id, op.label)}
            </th>
          ))}
          <th scope="col">{none}</th>
        </tr>
      </thead>
      <tbody>
        {m.contests.map((c, ci) => (
          <tr role="radiogroup" aria-label={c.title}>
            <th scope="row">{c.title}</th>
            {c.options.map((op, o) => {
              const word = optionLabel(op.option_id, op.label);
              return (
                <td>
                  <button
                    type="button"
                    role="radio"
                    aria-checked={marks[ci] === o}
                    aria-label={`${c.title} ${word}`}
                    class={`cell ${choiceClass(op.option_id)}${marks[ci] === o ? " on" : ""}`}
                    onClick={() => props.mark(ci, o)}
                    data-testid={`mark-${ci}-${op.option_id}`}
                  >
                    {marks[ci] === o ? `✔ ${word}` : word}
                  </button>
                </td>
              );
            })}
            <td>
              <button
                type="button"
                role="radio"
                aria-checked={marks[ci] === -1}
                aria-label={`${c.title} ${none}`}
                class={marks[ci] === -1 ? "cell none on" : "cell none"}
                onClick={() => props.mark(ci, -1)}
                data-testid={`mark-${ci}-none`}
              >
                {none}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A satisfaction appraisal: per item its title, then 满意 / 基本满意 / 不满意 / 不评 as big buttons. */
function ItemRows(props: { m: Manifest; marks: Marks; mark: (c: number, o: number) => void }) {
  const { m, marks } = props;
  const none = t("ballot_no_rating");
  return (
    <ol class="rating-items">
      {m.contests.map((c, ci) => (
        <li class="rating-item">
          <p class="rating-title" id={`rating-${ci}`}>
            {c.title}
          </p>
          <div class="rating-options" role="radiogroup" aria-labelledby={`rating-${ci}`}>
            {c.options.map((op, o) => (
              <button
                type="button"
                role="radio"
                aria-checked={marks[ci] === o}
                class={`choice rating ${choiceClass(op.option_id)}${marks[ci] === o ? " on" : ""}`}
                onClick={() => props.mark(ci, o)}
                data-testid={`mark-${ci}-${op.option_id}`}
              >
                {marks[ci] === o && <span aria-hidden="true">✔ </span>}
                {optionLabel(op.option_id, op.label)}
              </button>
            ))}
            <button
              type="button"
              role="radio"
              aria-checked={marks[ci] === -1}
              class={`choice rating opt-none${marks[ci] === -1 ? " on" : ""}`}
              onClick={() => props.mark(ci, -1)}
              data-testid={`mark-${ci}-none`}
            >
              {marks[ci] === -1 && <span aria-hidden="true">✔ </span>}
              {none}
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}

function Summary(props: { m: Manifest; marks: Marks }) {
  return (
    <ul class="summary">
      {props.m.contests.map((c, i) => {
        const o = props.marks[i]!;
        const op = o >= 0 ? c.options[o]! : null;
        return (
          <li>
            <span>{c.title}</span>
            <strong class={op ? `mark-word ${choiceClass(op.option_id)}` : "mark-word opt-none"}>
              {op ? optionLabel(op.option_id, op.label) : props.m.kind === "election" ? t("opt_abstain") : props.m.kind === "satisfaction" ? t("ballot_no_rating") : t("ballot_no_mark")}
            </strong>
          </li>
        );
      })}
    </ul>
  );
}
