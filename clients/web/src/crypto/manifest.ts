// The vote manifest and the hashes that bind a ballot to one vote (CVP1 §4): manifest_hash,
// roster_hash and election_hash, structural validation, and builders for the standard kinds of
// vote and the satisfaction appraisal (Plenum's fifth kind, crypto/SPEC.md §4). The manifest's shape is its JSON form, as in cvp1-kat.json.
import { compareBytes } from "./bytes.js";
import { Point } from "./group.js";
import { Transcript } from "./hash.js";
import { PublicKey } from "./sign.js";

/** The kind of a vote, spelled as in hashes and JSON. */
export type VoteKind = "motion" | "election" | "appraisal" | "confidence" | "satisfaction";
/** Every kind, in the spec's order. */
export const VOTE_KINDS: readonly VoteKind[] = ["motion", "election", "appraisal", "confidence", "satisfaction"];

/** One option of a contest; its value on a ballot is 0 or 1. */
export interface ManifestOption {
  option_id: string;
  label: string;
}

/** A contest: the sum of its options' values lies in [min, max]. */
export interface ManifestContest {
  contest_id: string;
  title: string;
  min: number;
  max: number;
  options: ManifestOption[];
}

/** [contest_index, option_index]. */
export type Position = [number, number];

/** A constraint across contests: the sum of the values at `positions` lies in [min, max]. */
export interface ManifestConstraint {
  min: number;
  max: number;
  positions: Position[];
}

/** What is voted on and which ballots are well formed. Validate with checkManifest. */
export interface Manifest {
  vote_id: string;
  kind: VoteKind;
  title: string;
  contests: ManifestContest[];
  constraints: ManifestConstraint[];
}

/** Size limits of a manifest (as the C++), so that a ballot's work is bounded. */
export const MAX_CONTESTS = 256;
export const MAX_OPTIONS = 32;
export const MAX_CONSTRAINTS = 16;

/** Why a manifest is not well formed (the first problem found, in this order; as the C++). */
export type ManifestProblem =
  | "empty_vote_id"
  | "no_contests"
  | "too_large"
  | "empty_id"
  | "duplicate_contest_id"
  | "no_options"
  | "duplicate_option_id"
  | "bad_contest_bounds"
  | "no_positions"
  | "position_out_of_range"
  | "duplicate_position"
  | "bad_constraint_bounds";

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

/** The first structural problem of `m`, or null when it is well formed. */
export function checkManifest(m: Manifest): ManifestProblem | null {
  if (!m.vote_id) return "empty_vote_id";
  if (m.contests.length === 0) return "no_contests";
  if (m.contests.length > MAX_CONTESTS || m.constraints.length > MAX_CONSTRAINTS) return "too_large";
  const contestIds = new Set<string>();
  for (const c of m.contests) {
    if (c.options.length > MAX_OPTIONS) return "too_large";
    if (!c.contest_id) return "empty_id";
    if (contestIds.has(c.contest_id)) return "duplicate_contest_id";
    contestIds.add(c.contest_id);
    if (c.options.length === 0) return "no_options";
    const optionIds = new Set<string>();
    for (const o of c.options) {
      if (!o.option_id) return "empty_id";
      if (optionIds.has(o.option_id)) return "duplicate_option_id";
      optionIds.add(o.option_id);
    }
    if (!isCount(c.min) || !isCount(c.max) || c.min > c.max || c.max > c.options.length) {
      return "bad_contest_bounds";
    }
  }
  for (const q of m.constraints) {
    if (q.positions.length === 0) return "no_positions";
    const seen = new Set<string>();
    for (const [c, o] of q.positions) {
      if (!isCount(c) || !isCount(o) || c >= m.contests.length || o >= m.contests[c]!.options.length) {
        return "position_out_of_range";
      }
      const key = `${c},${o}`;
      if (seen.has(key)) return "duplicate_position";
      seen.add(key);
    }
    if (!isCount(q.min) || !isCount(q.max) || q.min > q.max || q.max > q.positions.length) {
      return "bad_constraint_bounds";
    }
  }
  return null;
}

/** manifest_hash (CVP1 §4). Hashes `m` as it is, valid or not. */
export function manifestHash(m: Manifest): Uint8Array {
  const t = new Transcript("manifest");
  t.str(m.vote_id).str(m.kind).str(m.title).u64(m.contests.length);
  for (const c of m.contests) {
    t.str(c.contest_id).str(c.title).u64(c.min).u64(c.max).u64(c.options.length);
    for (const o of c.options) t.str(o.option_id).str(o.label);
  }
  t.u64(m.constraints.length);
  for (const q of m.constraints) {
    t.u64(q.min).u64(q.max).u64(q.positions.length);
    for (const [c, o] of q.positions) t.u64(c).u64(o);
  }
  return t.h32();
}

/** roster_hash = H32("roster", LE64(#voters), keys sorted bytewise); a repeated key counts twice. */
export function rosterHash(voters: readonly PublicKey[]): Uint8Array {
  const sorted = voters.map((k) => k.raw).sort(compareBytes);
  const t = new Transcript("roster").u64(sorted.length);
  for (const k of sorted) t.raw(k);
  return t.h32();
}

/** election_hash = H32("election", ceremony_id, K, manifest_hash, roster_hash). */
export function electionHash(
  ceremonyId: Uint8Array,
  jointKey: Point,
  manifestHashValue: Uint8Array,
  rosterHashValue: Uint8Array,
): Uint8Array {
  return new Transcript("election").raw(ceremonyId).add(jointKey).raw(manifestHashValue).raw(rosterHashValue).h32();
}

/** Number of positions (options over all contests), in manifest order. */
export function positionCount(m: Manifest): number {
  let n = 0;
  for (const c of m.contests) n += c.options.length;
  return n;
}

// Builders for the standard votes (SPEC §11); ids and labels are those of the record format.

function options(list: [string, string][]): ManifestOption[] {
  return list.map(([option_id, label]) => ({ option_id, label }));
}

function contestPerPerson(prefix: string, people: readonly string[], opts: [string, string][]): ManifestContest[] {
  return people.map((name, i) => ({ contest_id: `${prefix}${i}`, title: name, min: 0, max: 1, options: options(opts) }));
}

/** A motion: contest "motion", options for/against/abstain, exactly one mark. */
export function motionManifest(voteId: string, title: string, contestTitle: string): Manifest {
  return {
    vote_id: voteId,
    kind: "motion",
    title,
    contests: [
      {
        contest_id: "motion",
        title: contestTitle,
        min: 1,
        max: 1,
        options: options([
          ["for", "赞成"],
          ["against", "反对"],
          ["abstain", "弃权"],
        ]),
      },
    ],
    constraints: [],
  };
}

/** An election: "cand-i" per candidate (approve/disapprove, 0..1), approvals at most `seats`. */
export function electionManifest(voteId: string, title: string, candidates: readonly string[], seats: number): Manifest {
  return {
    vote_id: voteId,
    kind: "election",
    title,
    contests: contestPerPerson("cand-", candidates, [
      ["approve", "赞成"],
      ["disapprove", "不赞成"],
    ]),
    constraints: [{ min: 0, max: seats, positions: candidates.map((_, i) => [i, 0] as Position) }],
  };
}

/** The rating scale of a democratic appraisal. */
export type AppraisalScale = "standard" | "alternative";

/** An appraisal: "member-i" per member, one option per rating level, 0..1. */
export function appraisalManifest(
  voteId: string,
  title: string,
  members: readonly string[],
  scale: AppraisalScale = "standard",
): Manifest {
  const levels: [string, string][] =
    scale === "standard"
      ? [
          ["excellent", "优秀"],
          ["competent", "合格"],
          ["basic", "基本合格"],
          ["incompetent", "不合格"],
        ]
      : [
          ["good", "好"],
          ["fairly-good", "较好"],
          ["average", "一般"],
          ["poor", "差"],
        ];
  return { vote_id: voteId, kind: "appraisal", title, contests: contestPerPerson("member-", members, levels), constraints: [] };
}

/** A confidence vote: "member-i" per member, trust/basic-trust/distrust, 0..1. */
export function confidenceManifest(voteId: string, title: string, members: readonly string[]): Manifest {
  return {
    vote_id: voteId,
    kind: "confidence",
    title,
    contests: contestPerPerson("member-", members, [
      ["trust", "信任"],
      ["basic-trust", "基本信任"],
      ["distrust", "不信任"],
    ]),
    constraints: [],
  };
}

/** A satisfaction appraisal: "item-i" per item, satisfied/basically_satisfied/unsatisfied, 0..1. */
export function satisfactionManifest(voteId: string, title: string, items: readonly string[]): Manifest {
  return {
    vote_id: voteId,
    kind: "satisfaction",
    title,
    contests: contestPerPerson("item-", items, [
      ["satisfied", "满意"],
      ["basically_satisfied", "基本满意"],
      ["unsatisfied", "不满意"],
    ]),
    constraints: [],
  };
}
