// The delegate's ballot for one open vote: marking (big buttons for a motion; a grid of one
// row per candidate or member with a "no mark" column for the others, and for an election a
// live counter of approvals against the seats), then encryption, proofs and signature on the
// tablet, a confirmation screen with the tracking code, casting, and the receipt.
import { useState } from "preact/hooks";
import {
  type Ballot,
  type Manifest,
  Point,
  SecretKey,
  ballotDigest,
  ballotToJson,
  checkChoices,
  fromHex,
  makeBallot,
  trackingCode,
  trackingCodeDisplay,
} from "../../src/crypto/index.js";
import type { PlenumClient } from "./client";
import { label, t } from "./i18n";
import { errorText, optionLabel } from "./ui";

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

type Step = { at: "mark" } | { at: "sealing" } | { at: "confirm"; ballot: Ballot; code: string } | { at: "sending"; code: string } | { at: "receipt"; receipt: Record<string, any>; display: string };

/** The ballot screen of one vote; `onCast` once the server accepted the ballot. */
export function BallotView(props: { client: PlenumClient; keyBytes: SecretKey; vote: Record<string, any>; keys: VoteKeys; onCast: () => void }) {
  const m = props.keys.manifest;
  const [marks, setMarks] = useState<Marks>(() => m.contests.map(() => -1));
  const [step, setStep] = useState<Step>({ at: "mark" });
  const [err, setErr] = useState("");
  const use = constraintUse(m, marks);
  const problem = checkChoices(m, toChoices(m, marks));
  const tooMany = use !== null && use.used > use.max;

  function mark(c: number, o: number) {
    setMarks(marks.map((x, i) => (i === c ? o : x)));
  }

  async function seal() {
    setErr("");
    setStep({ at: "sealing" });
    await new Promise((r) => setTimeout(r, 30)); // let the progress text paint
    const joint = Point.fromHex(props.keys.jointKey);
    const eh = fromHex(props.keys.electionHash, 32);
    const b = joint && eh ? makeBallot(m, eh, joint, props.keyBytes, toChoices(m, marks)) : null;
    if (!b || !eh) {
      setErr(t("ballot_incomplete"));
      setStep({ at: "mark" });
      return;
    }
    const code = trackingCodeDisplay(trackingCode(ballotDigest(b, eh), b.signature));
    setStep({ at: "confirm", ballot: b, code });
  }

  async function cast(b: Ballot, code: string) {
    setStep({ at: "sending", code });
    props.onCast();
    for (let attempt = 0; ; ++attempt) {
      try {
        const r = await props.client.request("cast_ballot", { vote_id: m.vote_id, ballot: ballotToJson(b) });
        setStep({ at: "receipt", receipt: r["receipt"] as Record<string, any>, display: String(r["tracking_code_display"] ?? code) });
        return;
      } catch (e: any) {
        // Re-sending the identical ballot is safe: the server answers with the same receipt.
        if (e?.code === "unavailable" && attempt < 5) continue;
        setErr(errorText(e));
        setStep({ at: "confirm", ballot: b, code });
        return;
      }
    }
  }

  if (step.at === "receipt") {
    const r = step.receipt;
    return (
      <section class="card receipt" data-testid="receipt">
        <h2>{t("receipt_title")}</h2>
        <p class="verdict pass">{t("receipt_ok")}</p>
        <dl>
          <dt>{t("ballot_tracking")}</dt>
          <dd class="code" data-testid="receipt-code">
            {step.display}
          </dd>
          <dt>{t("receipt_seq")}</dt>
          <dd>{r["board_seq"]}</dd>
          <dt>{t("receipt_entry")}</dt>
          <dd class="hash">{String(r["board_entry_hash"] ?? "")}</dd>
        </dl>
        <p class="muted">{t("ballot_tracking_hint")}</p>
      </section>
    );
  }

  if (step.at === "confirm" || step.at === "sending") {
    return (
      <section class="card confirm" data-testid="confirm">
        <h2>{t("ballot_confirm_title")}</h2>
        <Summary m={m} marks={marks} />
        <p>
          {label("ballot_tracking")}<span class="code" data-testid="tracking-code">{step.code}</span>
        </p>
        <p class="muted">{t("ballot_tracking_hint")}</p>
        {err && (
          <p class="error" role="alert">
            {err}
          </p>
        )}
        <div class="row">
          <button type="button" disabled={step.at === "sending"} onClick={() => setStep({ at: "mark" })}>
            {t("ballot_back")}
          </button>
          <button type="button" class="primary" disabled={step.at === "sending"} onClick={() => step.at === "confirm" && cast(step.ballot, step.code)} data-testid="cast">
            {t("ballot_confirm")}
          </button>
        </div>
      </section>
    );
  }

  const single = m.contests.length === 1 && m.contests[0]!.min === 1;
  return (
    <section class="card ballot" data-testid={`ballot-${m.vote_id}`}>
      <h2>
        {t("ballot_title")} · {m.title} <span class="muted">{t(`vote_kind_${m.kind}`)}</span>
      </h2>
      {use && (
        <p class={tooMany ? "counter over" : "counter"} data-testid="approvals" aria-live="polite">
          {t("ballot_approvals", { n: use.used, max: use.max })}
          {tooMany && ` — ${t("ballot_too_many")}`}
        </p>
      )}
      {single ? (
        <div class="motion">
          <p class="contest-title">{m.contests[0]!.title}</p>
          <div class="motion-options" role="radiogroup">
            {m.contests[0]!.options.map((op, o) => (
              <button type="button" role="radio" aria-checked={marks[0] === o} class={marks[0] === o ? "choice on" : "choice"} onClick={() => mark(0, o)} data-testid={`mark-0-${op.option_id}`}>
                {optionLabel(op.option_id, op.label)}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <Grid m={m} marks={marks} mark={mark} />
      )}
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      <div class="row">
        <button type="button" class="primary" disabled={problem !== null || step.at === "sealing"} onClick={seal} data-testid="review">
          {step.at === "sealing" ? t("ballot_encrypting") : t("ballot_review")}
        </button>
        {problem !== null && !tooMany && <span class="muted">{t("ballot_incomplete")}</span>}
      </div>
    </section>
  );
}

function Grid(props: { m: Manifest; marks: Marks; mark: (c: number, o: number) => void }) {
  const { m, marks } = props;
  const header = m.contests[0]!.options;
  const who = m.kind === "election" ? t("candidate") : t("member");
  return (
    <table class="grid">
      <thead>
        <tr>
          <th scope="col">{who}</th>
          {header.map((op) => (
            <th scope="col">{optionLabel(op.option_id, op.label)}</th>
          ))}
          <th scope="col">{m.kind === "election" ? t("opt_abstain") : t("ballot_no_mark")}</th>
        </tr>
      </thead>
      <tbody>
        {m.contests.map((c, ci) => (
          <tr role="radiogroup" aria-label={c.title}>
            <th scope="row">{c.title}</th>
            {c.options.map((op, o) => (
              <td>
                <button type="button" role="radio" aria-checked={marks[ci] === o} aria-label={`${c.title} ${optionLabel(op.option_id, op.label)}`} class={marks[ci] === o ? "cell on" : "cell"} onClick={() => props.mark(ci, o)} data-testid={`mark-${ci}-${op.option_id}`}>
                  {marks[ci] === o ? "●" : ""}
                </button>
              </td>
            ))}
            <td>
              <button type="button" role="radio" aria-checked={marks[ci] === -1} aria-label={`${c.title} ${t("ballot_no_mark")}`} class={marks[ci] === -1 ? "cell none on" : "cell none"} onClick={() => props.mark(ci, -1)} data-testid={`mark-${ci}-none`}>
                {marks[ci] === -1 ? "○" : ""}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
            <strong>{op ? optionLabel(op.option_id, op.label) : props.m.kind === "election" ? t("opt_abstain") : t("ballot_no_mark")}</strong>
          </li>
        );
      })}
    </ul>
  );
}
