// Delegate groups (代表小组) and activities as the desk and the delegate's phone read them:
// `get_groups` and `get_activities` again whenever the board grows, the activity kinds, the
// decided elections of a group's own sittings and which group a sitting belongs to (from the
// board), and a delegate's own signed check-in to an activity (from the board).
import { useEffect, useState } from "preact/hooks";
import { useSignal } from "./hooks";
import type { BoardEvent, PlenumClient } from "./client";
import { payloadsOf } from "./events";

/** The kinds of activity, in the order a form offers them. */
export const ACTIVITY_KINDS = ["group_activity", "research", "inspection", "study", "committee_attendance"] as const;

/** The bases a group is formed on. */
export const GROUP_BASES = ["electoral_unit", "area", "line_of_work"] as const;

/** The fewest members a group may have. */
export const MIN_GROUP_MEMBERS = 10;

/** A group as `get_groups` returns it (protocol/PROTOCOL.md). */
export interface Group {
  group_id: string;
  name: string;
  basis: string;
  members: { number: string; name: string }[];
  leader: string;
  deputy: string;
  leader_name: string;
  deputy_name: string;
  leaders_vote: string;
  approval: string;
  sittings: string[];
  held_this_year: number;
  met_this_year: boolean;
}

/** `get_groups`'s reply. */
export interface GroupsView {
  today: string;
  year: number;
  groups: Group[];
  ungrouped: string[];
}

/** One line of an activity's attendance. */
export interface AttendanceLine {
  person: string;
  name: string;
  status: string;
  signed_in: boolean;
  reason: string;
}

/** An activity as `get_activities` returns it. */
export interface Activity {
  activity_id: string;
  kind: string;
  group_id: string;
  title: string;
  date: string;
  place: string;
  held: boolean;
  outcome: string;
  invited: string[];
  counts: { invited: number; present: number; absent: number; excused: number; unrecorded: number };
  attendance: AttendanceLine[];
  invited_me?: boolean;
  my_status?: string;
}

/** `get_groups` and `get_activities`, read again whenever the board grows or the client
 * subscribes again after a lost connection: [groups, activities, reload]. */
export function useGroups(client: PlenumClient, boardLength: number): [GroupsView | null, Activity[], () => Promise<void>] {
  const [groups, setGroups] = useState<GroupsView | null>(null);
  const [activities, setActivities] = useState<Activity[]>([]);
  const reload = async () => {
    const [g, a] = await Promise.all([client.request("get_groups").catch(() => null), client.request("get_activities").catch(() => null)]);
    if (g) setGroups(g as unknown as GroupsView);
    if (a) setActivities((a["activities"] ?? []) as Activity[]);
  };
  const resubscribed = useSignal(client.resubscribed);
  useEffect(() => {
    void reload();
  }, [boardLength, resubscribed]);
  return [groups, activities, reload];
}

/** A decided election of one of a group's own sittings, with whom it elected. */
export interface GroupElection {
  voteId: string;
  title: string;
  sittingId: string;
  /** Elected candidates as member numbers (a candidate named by number or by a member's name). */
  elected: { number: string; name: string }[];
}

/** The decided elections of `group`'s sittings, as the board records them, latest first. */
export function groupElections(board: readonly BoardEvent[], group: Group): GroupElection[] {
  const sittings = new Set(group.sittings);
  const created = payloadsOf(board, "vote_created").filter((v) => v.kind === "election" && sittings.has(v.sitting_id));
  const decided = new Map(payloadsOf(board, "vote_decided").map((d) => [d.vote_id, d]));
  const out: GroupElection[] = [];
  for (const v of created) {
    const d = decided.get(v.vote_id);
    if (!d) continue;
    let outcome: any = {};
    try {
      outcome = JSON.parse(d.outcome);
    } catch {
      outcome = {};
    }
    const elected: { number: string; name: string }[] = [];
    for (const c of (outcome["candidates"] ?? []) as any[]) {
      if (!c.elected) continue;
      const name = String(c.name ?? "");
      const byNumber = group.members.find((m) => m.number === name);
      const byName = group.members.filter((m) => m.name === name);
      const m = byNumber ?? (byName.length === 1 ? byName[0] : undefined);
      if (m) elected.push(m);
    }
    out.push({ voteId: v.vote_id, title: v.title, sittingId: v.sitting_id, elected });
  }
  return out.reverse();
}

/** Whether any sitting of `group` is on the board that has no decided election yet. */
export function groupSittingsWithoutResult(board: readonly BoardEvent[], group: Group): { sitting_id: string; title: string; date: string }[] {
  const decided = new Set(payloadsOf(board, "vote_decided").map((d) => d.vote_id));
  const decidedSittings = new Set(
    payloadsOf(board, "vote_created")
      .filter((v) => v.kind === "election" && decided.has(v.vote_id))
      .map((v) => v.sitting_id),
  );
  return payloadsOf(board, "sitting_created").filter((s) => s.group_id === group.group_id && !decidedSittings.has(s.sitting_id));
}

/** When `person` signed their check-in to `activityId` (unix ms), or null. */
export function ownCheckin(board: readonly BoardEvent[], activityId: string, person: string): number | null {
  const found = payloadsOf(board, "activity_checked_in").find((c) => c.activity_id === activityId && c.person === person);
  return found ? found.unix_ms : null;
}

/** "09:41" in the browser's time zone. */
export function clockTime(unixMs: number): string {
  const d = new Date(unixMs);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** The delegate group whose own sitting `sittingId` is (its id and name, from the board), or null
 *  for a sitting of the whole congress. */
export function sittingGroup(board: readonly BoardEvent[], sittingId: string): { groupId: string; name: string } | null {
  const created = payloadsOf(board, "sitting_created").find((s) => s.sitting_id === sittingId);
  if (!created?.group_id) return null;
  const formed = payloadsOf(board, "group_formed").find((g) => g.group_id === created.group_id);
  return { groupId: created.group_id, name: formed?.name ?? created.group_id };
}
