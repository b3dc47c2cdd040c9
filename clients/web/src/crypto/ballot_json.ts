// A ballot's JSON form (protocol/codec_ballot.hpp, cvp1-kat.json): every byte string lowercase
// hex. Parsing untrusted JSON validates every value in document order, as crypto/ballot_parse
// does, so an invalid point, a non-canonical scalar or an identity alpha never gets into a Ballot.
import { Ballot, BallotStatus, EncryptedContest, EncryptedOption } from "./ballot.js";
import { fromHex, toHex } from "./bytes.js";
import { Point, Scalar } from "./group.js";
import { RangeProof } from "./range_proof.js";
import { PublicKey } from "./sign.js";

/** One branch of a proof: c and z as hex scalars. */
export interface ProofEntryJson {
  c: string;
  z: string;
}
/** An option: alpha, beta (hex points) and its proof. */
export interface OptionJson {
  alpha: string;
  beta: string;
  proof: ProofEntryJson[];
}
/** A contest: its options and the proof of their sum. */
export interface ContestJson {
  options: OptionJson[];
  proof: ProofEntryJson[];
}
/** A ballot as the protocol carries it (codec_ballot.hpp). */
export interface BallotJson {
  vote_id: string;
  ballot_id: string;
  voter_pk: string;
  contests: ContestJson[];
  constraint_proofs: ProofEntryJson[][];
  signature: string;
}

/** The JSON form of a range proof. */
export function rangeProofToJson(proof: RangeProof): ProofEntryJson[] {
  return proof.map((e) => ({ c: e.c.hex(), z: e.z.hex() }));
}

/** The JSON form of `b`, members in the protocol's order. */
export function ballotToJson(b: Ballot): BallotJson {
  return {
    vote_id: b.voteId,
    ballot_id: toHex(b.ballotId),
    voter_pk: b.voterPk.hex(),
    contests: b.contests.map((contest) => ({
      options: contest.options.map((o) => ({ alpha: o.ct.alpha.hex(), beta: o.ct.beta.hex(), proof: rangeProofToJson(o.proof) })),
      proof: rangeProofToJson(contest.proof),
    })),
    constraint_proofs: b.constraintProofs.map(rangeProofToJson),
    signature: toHex(b.signature),
  };
}

/** A parsed ballot, or why there is none. */
export type ParsedBallot = { status: "ok"; ballot: Ballot } | { status: Exclude<BallotStatus, "ok">; ballot?: undefined };

class Failure {
  constructor(readonly status: Exclude<BallotStatus, "ok">) {}
}

function fail(status: Exclude<BallotStatus, "ok">): never {
  throw new Failure(status);
}

function hexOf(value: unknown, length: number): Uint8Array {
  const bytes = typeof value === "string" ? fromHex(value, length) : null;
  return bytes ?? fail("malformed");
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : fail("malformed");
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : fail("malformed");
}

function pointOf(value: unknown, forbidIdentity: boolean): Point {
  const p = Point.fromBytes(hexOf(value, 32));
  if (!p || (forbidIdentity && p.isIdentity())) fail("invalid_point");
  return p;
}

function scalarOf(value: unknown): Scalar {
  return Scalar.fromBytes(hexOf(value, 32)) ?? fail("non_canonical_scalar");
}

function proofOf(value: unknown): RangeProof {
  return arrayOf(value).map((entry) => {
    const e = objectOf(entry);
    const c = scalarOf(e["c"]);
    const z = scalarOf(e["z"]);
    return { c, z };
  });
}

/**
 * Parses an untrusted ballot document. Statuses: malformed (wrong types, not lowercase hex,
 * wrong lengths), invalid_point (not a canonical point, an identity alpha, a voter key that
 * is not a usable Ed25519 key), non_canonical_scalar (a proof scalar ≥ q). The first failure
 * in document order wins. Whether it fits a manifest is verifyBallot's job.
 */
export function parseBallot(json: unknown): ParsedBallot {
  try {
    const doc = objectOf(json);
    const voteId = typeof doc["vote_id"] === "string" ? doc["vote_id"] : fail("malformed");
    const ballotId = hexOf(doc["ballot_id"], 32);
    const voterPk = PublicKey.fromBytes(hexOf(doc["voter_pk"], 32)) ?? fail("invalid_point");
    const contests: EncryptedContest[] = arrayOf(doc["contests"]).map((rc) => {
      const contest = objectOf(rc);
      const options: EncryptedOption[] = arrayOf(contest["options"]).map((ro) => {
        const option = objectOf(ro);
        const alpha = pointOf(option["alpha"], true);
        const beta = pointOf(option["beta"], false);
        return { ct: { alpha, beta }, proof: proofOf(option["proof"]) };
      });
      return { options, proof: proofOf(contest["proof"]) };
    });
    const constraintProofs = arrayOf(doc["constraint_proofs"]).map(proofOf);
    const signature = hexOf(doc["signature"], 64);
    return { status: "ok", ballot: { voteId, ballotId, voterPk, contests, constraintProofs, signature } };
  } catch (e) {
    if (e instanceof Failure) return { status: e.status };
    throw e;
  }
}
