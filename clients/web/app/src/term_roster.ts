// The term's delegates as the board records them: the imported roster's delegates, then each
// roster change between sittings in board order — a delegate leaves (delegate_left), an alternate
// is seated (alternate_seated), a delegate joins by a by-election (delegate_added).
import type { BoardEvent } from "./client";

/** A person of the term: number, name, and whether they are a delegate now. */
export interface TermPerson {
  number: string;
  name: string;
  unit: string;
  roles: string[];
  delegate: boolean;
  left: boolean;
}

/** Everyone on the roster with their standing after the roster changes on `board`. */
export function termPersons(board: readonly BoardEvent[]): Map<string, TermPerson> {
  const persons = new Map<string, TermPerson>();
  for (const e of board) {
    if (e.sealed) continue;
    const type = e.type as string;
    const p = e.payload as any;
    if (type === "roster_imported") {
      persons.clear();
      for (const r of p.persons ?? [])
        persons.set(r.number, { number: r.number, name: r.name, unit: r.unit ?? "", roles: r.roles ?? [], delegate: (r.roles ?? []).includes("delegate"), left: false });
    } else if (type === "delegate_left") {
      const who = persons.get(p.person);
      if (who) persons.set(p.person, { ...who, delegate: false, left: true });
    } else if (type === "alternate_seated") {
      const who = persons.get(p.person);
      if (who) persons.set(p.person, { ...who, delegate: true });
    } else if (type === "delegate_added") {
      const r = p.person ?? {};
      persons.set(r.number, { number: r.number, name: r.name, unit: r.unit ?? "", roles: r.roles ?? ["delegate"], delegate: true, left: false });
    }
  }
  return persons;
}

/** The delegates now, in roster order. */
export function currentDelegates(board: readonly BoardEvent[]): TermPerson[] {
  return [...termPersons(board).values()].filter((p) => p.delegate);
}
