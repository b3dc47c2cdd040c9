// Spoiled ballots (CVP1 §14, Benaloh challenge): the openings a device reveals instead of
// casting a ballot, their JSON form, and the check any second device runs to see what the
// ballot encrypted. The twin of crypto/spoiled_ballot.hpp.
import { Ballot, BallotChoices, BallotStatus, OpenedBallot, checkChoices, verifyBallot } from "./ballot.js";
import { parseBallot } from "./ballot_json.js";
import { Point, Scalar } from "./group.js";
import { Manifest } from "./manifest.js";

/** One option's opening in JSON: r as 32 bytes of lowercase hex (little-endian), v 0 or 1. */
export interface OpeningJson {
  r: string;
  v: number;
}

/** The verdict on a spoiled ballot, with the C++ enumerators' names. */
export type SpoilStatus = "ok" | "bad_ballot" | "malformed_nonces" | "bad_nonce" | "choices_not_valid";

/**
 * What checking a spoiled ballot found: the status; for bad_ballot the ballot's own verdict;
 * for bad_nonce the first (contest, option) that does not open; on ok the choices encrypted.
 */
export interface SpoilCheck {
  status: SpoilStatus;
  ballot: BallotStatus;
  contest: number;
  option: number;
  choices: BallotChoices;
}

/** The openings of `opened` in the JSON form of a spoil message (contests, then options). */
export function openingsToJson(opened: OpenedBallot): OpeningJson[][] {
  return opened.nonces.map((row, c) => row.map((r, o) => ({ r: r.hex(), v: opened.choices[c]![o]! })));
}

/** Wipes the openings of `opened` (after the ballot is cast, they must not survive). */
export function wipeOpenings(opened: OpenedBallot): void {
  for (const row of opened.nonces) for (const r of row) r.wipe();
}

function failure(status: SpoilStatus, ballot: BallotStatus = "ok", contest = 0, option = 0): SpoilCheck {
  return { status, ballot, contest, option, choices: [] };
}

/**
 * Checks a spoiled ballot given as untrusted JSON (the `ballot` and `nonces` of a spoil
 * message or a ballot_spoiled event) against its vote, in the order of CVP1 §14, stopping at
 * the first failure: the ballot verifies as a cast one would (bad_ballot); the openings have
 * its shape, every r is a canonical scalar and every v is 0 or 1 (malformed_nonces); every
 * opening opens its ciphertext, alpha == r·G and beta == v·G + r·K (bad_nonce, naming the first
 * that does not); the values satisfy the manifest (choices_not_valid). Only public data.
 */
export function checkSpoiledBallot(
  m: Manifest,
  electionHash: Uint8Array,
  jointKey: Point,
  ballotJson: unknown,
  noncesJson: unknown,
): SpoilCheck {
  const parsed = parseBallot(ballotJson);
  if (parsed.status !== "ok") return failure("bad_ballot", parsed.status);
  const verdict = verifyBallot(m, electionHash, jointKey, parsed.ballot);
  if (verdict !== "ok") return failure("bad_ballot", verdict);
  return openBallot(m, jointKey, parsed.ballot, noncesJson);
}

/** Steps 2–4 of checkSpoiledBallot alone, for a ballot already verified against its vote. */
export function openBallot(m: Manifest, jointKey: Point, b: Ballot, noncesJson: unknown): SpoilCheck {
  if (!Array.isArray(noncesJson) || noncesJson.length !== b.contests.length) return failure("malformed_nonces");
  const openings: { r: Scalar; v: number }[][] = [];
  for (let c = 0; c < b.contests.length; ++c) {
    const row = noncesJson[c];
    if (!Array.isArray(row) || row.length !== b.contests[c]!.options.length) return failure("malformed_nonces");
    const out: { r: Scalar; v: number }[] = [];
    for (const entry of row) {
      const e = entry as Partial<OpeningJson> | null;
      if (!e || typeof e !== "object" || typeof e.r !== "string" || (e.v !== 0 && e.v !== 1)) return failure("malformed_nonces");
      const r = Scalar.fromHex(e.r);
      if (!r) return failure("malformed_nonces");
      out.push({ r, v: e.v });
    }
    openings.push(out);
  }
  for (let c = 0; c < b.contests.length; ++c) {
    const options = b.contests[c]!.options;
    for (let o = 0; o < options.length; ++o) {
      const { r, v } = openings[c]![o]!;
      const ct = options[o]!.ct;
      const alpha = Point.baseMul(r);
      const shared = jointKey.mul(r);
      const beta = v === 1 ? Point.generator().add(shared) : shared;
      if (!alpha.equals(ct.alpha) || !beta.equals(ct.beta)) return failure("bad_nonce", "ok", c, o);
    }
  }
  const choices = openings.map((row) => row.map((x) => x.v));
  if (checkChoices(m, choices)) return failure("choices_not_valid");
  return { status: "ok", ballot: "ok", contest: 0, option: 0, choices };
}
