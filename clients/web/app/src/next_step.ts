// The chair's one next step, from the public state and the board: 新建会议 → 监票人与密钥 →
// 开始签到 → 宣布开会 → each agenda item (设为当前 → 新建表决 → 开始投票 → 结束投票 → waiting
// for the scrutineers' decryption and signatures → 宣布结果) → 宣布闭会. Waiting steps carry the
// person numbers the hall waits for.
import type { BoardEvent } from "./client";
import { payloadsOf } from "./events";
import { ceremonyWait, decryptedBy, signedBy } from "./waiting";

/** Agenda item kinds that normally end in a vote. */
export const VOTING_ITEM_KINDS = new Set(["report", "major_matter", "proposal", "election", "appraisal"]);

/** What the console offers as its largest control. */
export type NextStep =
  | { kind: "create_sitting" }
  | { kind: "ceremony" }
  | { kind: "wait_ceremony"; phase: "keygen" | "confirm"; missing: string[] }
  | { kind: "open_checkin" }
  | { kind: "open_sitting" }
  | { kind: "add_item" }
  | { kind: "set_current"; itemId: string; title: string }
  | { kind: "create_vote"; itemId: string; title: string }
  | { kind: "open_vote"; voteId: string; title: string }
  | { kind: "close_vote"; voteId: string; title: string; received: number; eligible: number }
  | { kind: "wait_decrypt"; voteId: string; title: string; need: number; missing: string[] }
  | { kind: "wait_sign"; voteId: string; title: string; missing: string[] }
  | { kind: "announce"; voteId: string; title: string }
  | { kind: "close_sitting" };

/** The step after the current situation; `state` is the console's get_state view. */
export function nextStep(state: Record<string, any> | null, board: readonly BoardEvent[]): NextStep {
  const sitting = state?.["sitting"];
  if (!sitting || sitting.status === "closed") return { kind: "create_sitting" };
  const agenda = (state!["agenda"] ?? []) as any[];
  const votes = (state!["votes"] ?? []) as any[];
  const cer = ceremonyWait(board, sitting.id);
  const ceremonyDone = !!state!["ceremony"]?.complete;

  if (sitting.status === "scheduled") {
    if (!state!["ceremony"] && !cer) return { kind: "ceremony" };
    if (!sitting.checkin_open && Number(state!["present"] ?? 0) === 0) return { kind: "open_checkin" };
    return { kind: "open_sitting" };
  }

  // The sitting is open: a vote in progress comes first.
  for (const v of votes) {
    if (v.status === "open") return { kind: "close_vote", voteId: v.id, title: v.title, received: Number(v.received ?? 0), eligible: Number(v.eligible_present ?? 0) };
  }
  for (const v of votes) {
    if (v.status === "closed") {
      const done = new Set(decryptedBy(board, v.id));
      const k = Number(state!["ceremony"]?.k ?? cer?.k ?? 0);
      const missing = (cer?.scrutineers ?? []).filter((p) => !done.has(p));
      return { kind: "wait_decrypt", voteId: v.id, title: v.title, need: Math.max(0, k - done.size), missing };
    }
    if (v.status === "decided" && !v.announced) {
      const signed = signedBy(board, v.id);
      const missing = decryptedBy(board, v.id).filter((p) => !signed.has(p));
      const decidedOnBoard = payloadsOf(board, "vote_decided").some((p) => p.vote_id === v.id);
      if (missing.length > 0 || Number(v.signatures ?? 0) < Number(v.decrypted_by ?? 0) || !decidedOnBoard)
        return { kind: "wait_sign", voteId: v.id, title: v.title, missing };
      return { kind: "announce", voteId: v.id, title: v.title };
    }
  }
  if (!ceremonyDone) {
    if (!state!["ceremony"] && !cer) return { kind: "ceremony" };
    if (cer && cer.phase !== "done") return { kind: "wait_ceremony", phase: cer.phase, missing: cer.missing };
  }
  if (agenda.length === 0) return { kind: "add_item" };
  const currentId = state!["current_item"];
  const current = agenda.find((it) => it.id === currentId);
  if (!current) return { kind: "set_current", itemId: agenda[0].id, title: agenda[0].title };
  const itemVotes = votes.filter((v) => v.item_id === current.id);
  const waiting = itemVotes.find((v) => v.status === "created");
  if (waiting) return { kind: "open_vote", voteId: waiting.id, title: waiting.title };
  if (itemVotes.length === 0 && VOTING_ITEM_KINDS.has(current.kind)) return { kind: "create_vote", itemId: current.id, title: current.title };
  const at = agenda.findIndex((it) => it.id === current.id);
  const next = agenda[at + 1];
  if (next) return { kind: "set_current", itemId: next.id, title: next.title };
  return { kind: "close_sitting" };
}
