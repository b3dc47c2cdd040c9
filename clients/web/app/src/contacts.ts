// Three-level contact (三级联系) and opinions (党员群众意见建议) as the apps read them: the replies
// of get_contacts and get_opinions (protocol/PROTOCOL.md), read again whenever the board grows;
// each count against what the rules ask said in plain words ("还差 1 名党员"); an opinion's
// status and the step it waits for; and the check that keeps ID numbers out of personal details.
import { useEffect, useState } from "preact/hooks";
import { useSignal } from "./hooks";
import type { PlenumClient } from "./client";
import { has, t } from "./i18n";

/** A contact's personal details: kept beside the log, shown only to the office and the keeper. */
export interface ContactDetails {
  name?: string;
  place?: string;
}

/** A party member or resident as get_contacts gives it. */
export interface Contact {
  contact_id: string;
  kind: "member" | "resident";
  keeper: string;
  count?: number;
  gap?: Gap;
  residents?: Contact[];
  details?: ContactDetails;
}

/** How a count compares with the rule. */
export type Gap = "below" | "ok" | "above";

/** A delegate with the party members they keep. */
export interface DelegateContacts {
  person: string;
  name: string;
  count: number;
  gap: Gap;
  members: Contact[];
}

/** A party committee member with the delegates they keep. */
export interface CommitteeContacts {
  member: string;
  name: string;
  delegates: string[];
  count: number;
  gap: Gap;
}

/** The get_contacts reply; `bounds` are [at least, at most or null] per level. */
export interface ContactsView {
  committee: CommitteeContacts[];
  delegates: DelegateContacts[];
  bounds: { committee: [number, number]; delegate: [number, number]; member: [number, number | null] };
}

/** An opinion as get_opinions gives it. */
export interface Opinion {
  opinion_id: string;
  contact_id: string;
  by: string;
  by_name: string;
  date: string;
  category: string;
  status: "logged" | "routed" | "answered" | "refused";
  route_due: string;
  routed_date: string;
  routed_on_time: boolean;
  department: string;
  answer_due: string;
  refuse_due: string;
  answered_date: string;
  refused_date: string;
  refusal_reason: string;
  reported_back_date: string;
  closed_on_time?: boolean;
  overdue: boolean;
  working_days_overdue: number;
  extension?: { working_days: number; reason: string };
  details?: { text?: string; name?: string };
  answer_details?: { text?: string };
}

const EMPTY: ContactsView = { committee: [], delegates: [], bounds: { committee: [2, 3], delegate: [3, 5], member: [3, null] } };

/** get_contacts again whenever the board grows or the client subscribes again after a lost
 * connection: [view, loaded, reload]. */
export function useContacts(client: PlenumClient, boardLength: number): [ContactsView, boolean, () => Promise<void>] {
  const [view, setView] = useState<ContactsView>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  const reload = () =>
    client
      .request("get_contacts")
      .then((r) => {
        setView({ ...EMPTY, ...(r["contacts"] as Partial<ContactsView>) });
        setLoaded(true);
      })
      .catch(() => undefined);
  const resubscribed = useSignal(client.resubscribed);
  useEffect(() => {
    void reload();
  }, [boardLength, resubscribed]);
  return [view, loaded, reload];
}

/** get_opinions again whenever the board grows or the client subscribes again after a lost
 * connection: [today, opinions, reload]. */
export function useOpinions(client: PlenumClient, boardLength: number): [string, Opinion[], () => Promise<void>] {
  const [reply, setReply] = useState<{ today: string; opinions: Opinion[] }>({ today: "", opinions: [] });
  const reload = () =>
    client
      .request("get_opinions")
      .then((r) => setReply({ today: String(r["today"] ?? ""), opinions: (r["opinions"] ?? []) as Opinion[] }))
      .catch(() => undefined);
  const resubscribed = useSignal(client.resubscribed);
  useEffect(() => {
    void reload();
  }, [boardLength, resubscribed]);
  return [reply.today, reply.opinions, reload];
}

/**
 * What a count lacks or has too many of, in words ("还差 1 名党员", "多了 1 名代表，最多 3 名"),
 * or that it meets the rule. `what` is "delegate", "member" or "resident".
 */
export function gapText(count: number, atLeast: number, atMost: number | null, what: "delegate" | "member" | "resident"): string {
  const noun = t(`contact_noun_${what}`);
  if (count < atLeast) return t("contact_gap_below", { n: atLeast - count, noun });
  if (atMost !== null && count > atMost) return t("contact_gap_above", { n: count - atMost, noun, max: atMost });
  return t("contact_gap_ok");
}

/** The rule a count is held against, in words ("应联系 3–5 名党员", "至少 3 名群众"). */
export function ruleText(atLeast: number, atMost: number | null, what: "delegate" | "member" | "resident"): string {
  const noun = t(`contact_noun_${what}`);
  return atMost === null ? t("contact_rule_at_least", { min: atLeast, noun }) : t("contact_rule_range", { min: atLeast, max: atMost, noun });
}

/**
 * Whether `text` holds what looks like an identity number: 15 or more digits in a row (spaces and
 * dashes between them ignored), or 17 digits and an X — the server's own rule
 * (protocol/private_details.hpp looks_like_id_number), checked here first to say why.
 */
export function looksLikeIdNumber(text: string): boolean {
  let run = 0;
  for (let i = 0; i <= text.length; ++i) {
    const c = i < text.length ? text[i]! : "";
    if (c >= "0" && c <= "9") {
      ++run;
      continue;
    }
    if ((c === " " || c === "-") && run > 0) continue;
    if ((c === "X" || c === "x") && run === 17) return true;
    if (run >= 15) return true;
    run = 0;
  }
  return false;
}

/** The categories an opinion is filed under (stored as these codes; shown in words). */
export const OPINION_CATEGORIES = ["roads", "water_power", "education", "health", "social_security", "farming", "environment", "safety", "village_affairs", "other"] as const;

/** A category in words, or as stored when the tables do not know it. */
export function categoryText(category: string): string {
  return has(`opinion_cat_${category}`) ? t(`opinion_cat_${category}`) : category;
}

/** The status in words: 待交办, 办理中, 已答复, 不予采纳, each with 已反馈 once reported back. */
export function opinionStatusText(o: Opinion): string {
  return t(`opinion_status_${o.status}`);
}

/** Whether the office still has a step to take (route, answer or refuse). */
export function opinionOpen(o: Opinion): boolean {
  return o.status === "logged" || o.status === "routed";
}

/** The step an opinion waits for and its due date, in words ("应于 2026-12-10 前交办"). */
export function opinionNextStep(o: Opinion): string {
  if (o.status === "logged") return t("opinion_next_route", { date: o.route_due });
  if (o.status === "routed") return t("opinion_next_answer", { date: o.answer_due, refuse: o.refuse_due });
  if (!o.reported_back_date) return t("opinion_next_report_back");
  return t("opinion_next_none");
}

/** The due date of the step an opinion waits for at the office ("" when none). */
export function opinionDue(o: Opinion): string {
  return o.status === "logged" ? o.route_due : o.status === "routed" ? o.answer_due : "";
}

/** Overdue first (most working days late first), then open by due date, then closed, newest first. */
export function opinionOrder(a: Opinion, b: Opinion): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue) return b.working_days_overdue - a.working_days_overdue;
  if (opinionOpen(a) !== opinionOpen(b)) return opinionOpen(a) ? -1 : 1;
  if (opinionOpen(a)) return opinionDue(a).localeCompare(opinionDue(b));
  return b.date.localeCompare(a.date) || b.opinion_id.localeCompare(a.opinion_id, undefined, { numeric: true });
}
