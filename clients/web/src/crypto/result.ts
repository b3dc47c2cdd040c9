// The digest of a vote's published result (CVP1 §7, crypto/result.hpp), which the server, each
// scrutineer who decrypted (after checking it) and the chair sign.
import { Transcript } from "./hash.js";

/** Everything the result digest covers; `rule` and `outcome` are the exact stored JSON texts. */
export interface ResultRecord {
  electionHash: Uint8Array;
  boardSeqAtClose: number | bigint;
  boardHashAtClose: Uint8Array;
  ballots: number;
  seated: number;
  present: number;
  rule: string;
  counts: readonly number[];
  outcome: string;
}

/**
 * H32("result", election_hash, LE64(board_seq_at_close), board_hash_at_close, LE64(#ballots),
 * LE64(seated), LE64(present), rule, LE64(#positions), LE64(t_1), …, LE64(t_p), outcome).
 */
export function resultDigest(r: ResultRecord): Uint8Array {
  const t = new Transcript("result")
    .raw(r.electionHash)
    .u64(r.boardSeqAtClose)
    .raw(r.boardHashAtClose)
    .u64(r.ballots)
    .u64(r.seated)
    .u64(r.present)
    .str(r.rule)
    .u64(r.counts.length);
  for (const count of r.counts) t.u64(count);
  return t.str(r.outcome).h32();
}
