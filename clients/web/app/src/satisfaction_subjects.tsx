// The satisfaction appraisal's subjects on the chair's create-vote form (满意度测评): the term's
// adopted resolutions, its rectification items and the proposals accepted for handling, each
// with its latest status, ticked by the chair in the order the items are to appear. The server
// names each item after its subject (a resolution's or proposal's title, a rectification
// item's "member：problem"), so the chair types nothing.
import { useEffect, useState } from "preact/hooks";
import type { PlenumClient } from "./client";
import { t } from "./i18n";

/** One appraised subject, as create_vote's `subjects` lists it. */
export interface VoteSubject {
  kind: "resolution" | "proposal" | "rectification";
  id: string;
}

/** A subject the chair may tick: its title (the item's name) and its status in words. */
interface SubjectChoice extends VoteSubject {
  title: string;
  status: string;
}

/** The statuses of a proposal accepted for handling (立案), answered or not. */
const HANDLED = new Set(["accepted", "answered", "rehandling", "closed"]);

/** What the chair may appraise (get_follow_up and get_proposals), read when the form shows. */
function useSubjectChoices(client: PlenumClient): SubjectChoice[] | null {
  const [choices, setChoices] = useState<SubjectChoice[] | null>(null);
  useEffect(() => {
    void Promise.all([client.request("get_follow_up"), client.request("get_proposals")])
      .then(([f, p]) => {
        const follow = (f["follow_up"] ?? {}) as Record<string, any>;
        const out: SubjectChoice[] = [];
        for (const r of (follow["resolutions"] ?? []) as any[])
          out.push({ kind: "resolution", id: String(r.id), title: String(r.title), status: t(`report_status_${r.status}`) });
        for (const r of (follow["rectifications"] ?? []) as any[])
          out.push({ kind: "rectification", id: String(r.id), title: `${r.member}：${r.problem}`, status: t(`report_status_${r.status}`) });
        for (const pr of (p["proposals"] ?? []) as any[])
          if (HANDLED.has(String(pr.status)))
            out.push({ kind: "proposal", id: String(pr.id), title: String(pr.title), status: t(`proposal_status_${pr.status}`) });
        setChoices(out);
      })
      .catch(() => setChoices([]));
  }, []);
  return choices;
}

const GROUPS: { kind: VoteSubject["kind"]; heading: string }[] = [
  { kind: "resolution", heading: "subjects_resolutions" },
  { kind: "rectification", heading: "subjects_rectifications" },
  { kind: "proposal", heading: "subjects_proposals" },
];

const same = (a: VoteSubject, b: VoteSubject) => a.kind === b.kind && a.id === b.id;

/** The ticked subjects (in the order ticked) and the items' names they give. */
export function SubjectPicker(props: { client: PlenumClient; chosen: VoteSubject[]; setChosen: (s: VoteSubject[]) => void }) {
  const choices = useSubjectChoices(props.client);
  if (choices === null) return null;
  const toggle = (c: SubjectChoice, on: boolean) =>
    props.setChosen(on ? [...props.chosen, { kind: c.kind, id: c.id }] : props.chosen.filter((s) => !same(s, c)));
  const titleOf = (s: VoteSubject) => choices.find((c) => same(c, s))?.title ?? s.id;
  return (
    <fieldset class="subjects" data-testid="satisfaction-subjects">
      <legend>{t("subjects_title")}</legend>
      <p class="muted small">{t("subjects_hint")}</p>
      {choices.length === 0 && <p class="muted">{t("subjects_none")}</p>}
      {GROUPS.map((g) => {
        const group = choices.filter((c) => c.kind === g.kind);
        if (group.length === 0) return null;
        return (
          <div class="subject-group">
            <p class="subject-heading">{t(g.heading)}</p>
            {group.map((c) => (
              <label class="check" data-testid={`subject-${c.kind}-${c.id}`}>
                <input type="checkbox" checked={props.chosen.some((s) => same(s, c))} onChange={(e) => toggle(c, e.currentTarget.checked)} />
                <span>
                  {c.title} <span class="muted small">（{c.status}）</span>
                </span>
              </label>
            ))}
          </div>
        );
      })}
      {props.chosen.length > 0 && (
        <div data-testid="subjects-chosen">
          <p class="subject-heading">{t("subjects_chosen")}</p>
          <ol>
            {props.chosen.map((s) => (
              <li>{titleOf(s)}</li>
            ))}
          </ol>
        </div>
      )}
    </fieldset>
  );
}
