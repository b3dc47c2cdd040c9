// Delegate groups on the liaison office's desk (代表小组与活动): each group with its members, its
// approved leader and deputy and whether it has held an activity this year (flagged when not);
// forming a group of at least 10 seated delegates (prefilled from the roster's group column),
// changing its members with a reason, arranging the group's own meeting for its election and
// recording the party committee's approval of the leader and deputy that meeting elected.
// The activities are activities_desk.tsx; GroupsSection is the desk's tab with both.
import { useEffect, useState } from "preact/hooks";
import { ActivitiesDesk } from "./activities_desk";
import "./term.css";
import "./groups.css";
import { ActionButton } from "./actions";
import type { BoardEvent, PlenumClient } from "./client";
import { DateField, todayIso } from "./form_fields";
import { GROUP_BASES, type Group, type GroupsView, MIN_GROUP_MEMBERS, groupElections, groupSittingsWithoutResult, useGroups } from "./groups";
import { label, listSep, t } from "./i18n";
import { currentDelegates } from "./term_roster";
import { Card } from "./ui";

/** A person of the roster as `get_roster` returns it (the fields the desk uses). */
export interface RosterRow {
  number: string;
  name: string;
  group?: string;
  roles?: string[];
}

type DeskProps = { client: PlenumClient; board: readonly BoardEvent[]; view: GroupsView | null; persons: readonly RosterRow[]; reload: () => Promise<void> };

/** The desk's tab 代表小组与活动: the groups, then the activities. `persons` is `get_roster`'s. */
export function GroupsSection(props: { client: PlenumClient; board: readonly BoardEvent[]; persons: readonly RosterRow[] }) {
  const [view, activities, reload] = useGroups(props.client, props.board.length);
  const delegates = currentDelegates(props.board);
  return (
    <>
      <GroupsDesk client={props.client} board={props.board} view={view} persons={props.persons} reload={reload} />
      <ActivitiesDesk client={props.client} view={view} activities={activities} delegates={delegates} reload={reload} />
    </>
  );
}

/** The groups card and the form to form one. */
export function GroupsDesk(props: DeskProps) {
  const groups = props.view?.groups ?? [];
  const notMet = groups.filter((g) => !g.met_this_year);
  return (
    <Card title={t("groups_title")} testid="groups" class="wide">
      <p class="muted small">{t("groups_hint")}</p>
      <div class="row wrap desk-summary">
        <span data-testid="groups-count">{t("groups_n", { n: groups.length })}</span>
        <span data-testid="groups-ungrouped">{t("groups_ungrouped_n", { n: props.view?.ungrouped.length ?? 0 })}</span>
        {notMet.length > 0 && (
          <span class="tag overdue" data-testid="groups-not-met">
            {t("groups_not_met_n", { n: notMet.length, year: props.view?.year ?? "" })}
          </span>
        )}
      </div>
      {groups.length === 0 && <p class="muted">{t("no_groups")}</p>}
      <ul class="desk-proposals">
        {groups.map((g) => (
          <GroupRow key={g.group_id} {...props} group={g} />
        ))}
      </ul>
      <FormGroup {...props} />
    </Card>
  );
}

function GroupRow(props: DeskProps & { group: Group }) {
  const g = props.group;
  const [open, setOpen] = useState<"" | "change" | "leaders">("");
  // A form closes once its action changed the group (members, or the approved leaders).
  useEffect(() => setOpen(""), [g.members.length, g.leaders_vote, g.approval, g.leader, g.deputy]);
  const year = props.view?.year ?? "";
  return (
    <li data-testid={`group-${g.group_id}`} class={g.met_this_year ? "" : "overdue-row"}>
      <div class="proposal-head">
        <span>
          <strong>{g.name}</strong> <span class="muted">{t(`group_basis_${g.basis}`)}</span>
        </span>
        <span class="tag">{t("members_n", { n: g.members.length })}</span>
        {g.met_this_year ? (
          <span class="tag met" data-testid={`group-met-${g.group_id}`}>
            {t("group_met_n", { year, n: g.held_this_year })}
          </span>
        ) : (
          <span class="tag overdue" data-testid={`group-met-${g.group_id}`}>
            {t("group_not_met", { year })}
          </span>
        )}
      </div>
      <p class="small proposal-facts" data-testid={`group-leaders-${g.group_id}`}>
        {g.leader ? (
          <>
            <span>
              {label("group_leader")}
              {g.leader_name || g.leader}
            </span>
            <span>
              {label("group_deputy")}
              {g.deputy_name || g.deputy}
            </span>
            <span>
              {label("group_approval")}
              {g.approval}
            </span>
          </>
        ) : (
          <span class="muted">{t("group_no_leaders")}</span>
        )}
      </p>
      <p class="small group-members" data-testid={`group-members-${g.group_id}`}>
        {label("group_members")}
        {g.members.map((m) => m.name || m.number).join(listSep())}
      </p>
      <div class="row wrap proposal-actions">
        <button type="button" class={open === "change" ? "on" : ""} aria-expanded={open === "change"} onClick={() => setOpen(open === "change" ? "" : "change")} data-testid={`change-open-${g.group_id}`}>
          {t("group_change")}
        </button>
        <button type="button" class={open === "leaders" ? "on" : ""} aria-expanded={open === "leaders"} onClick={() => setOpen(open === "leaders" ? "" : "leaders")} data-testid={`leaders-open-${g.group_id}`}>
          {t(g.leader ? "group_leaders_again" : "group_leaders_record")}
        </button>
      </div>
      {open === "change" && <ChangeForm {...props} />}
      {open === "leaders" && <LeadersForm {...props} />}
    </li>
  );
}

/** Ticks among `choices` (number → name), in a grid of large checkboxes. */
function MemberPicker(props: { choices: { number: string; name: string }[]; chosen: ReadonlySet<string>; onChange: (next: Set<string>) => void; testid: string }) {
  return (
    <div class="member-picker" data-testid={props.testid}>
      {props.choices.map((p) => (
        <label class="check member-choice">
          <input
            type="checkbox"
            checked={props.chosen.has(p.number)}
            onChange={(e) => {
              const next = new Set(props.chosen);
              if (e.currentTarget.checked) next.add(p.number);
              else next.delete(p.number);
              props.onChange(next);
            }}
            data-testid={`${props.testid}-${p.number}`}
          />
          {p.name}（{p.number}）
        </label>
      ))}
    </div>
  );
}

/** One person among `choices` (those the election elected), or none ("—"). */
function ElectedPicker(props: { label: string; value: string; onChange: (number: string) => void; choices: readonly { number: string; name: string }[]; testid: string }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)} data-testid={props.testid}>
        <option value="">—</option>
        {props.choices.map((m) => (
          <option value={m.number}>
            {m.name}（{m.number}）
          </option>
        ))}
      </select>
    </label>
  );
}

function FormGroup(props: DeskProps) {
  const ungrouped = new Set(props.view?.ungrouped ?? []);
  const free = props.persons.filter((p) => ungrouped.has(p.number));
  const rosterGroups = [...new Set(free.map((p) => (p.group ?? "").trim()).filter((x) => x))];
  const [name, setName] = useState("");
  const [basis, setBasis] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [fromRoster, setFromRoster] = useState("");
  const picked = [...chosen].filter((n) => ungrouped.has(n));
  const missing = !name.trim() ? t("group_needs_name") : !basis ? t("group_needs_basis") : picked.length < MIN_GROUP_MEMBERS ? t("group_needs_members", { min: MIN_GROUP_MEMBERS, n: picked.length }) : null;
  const prefill = (column: string) => {
    setFromRoster(column);
    if (!column) return;
    setChosen(new Set(free.filter((p) => (p.group ?? "").trim() === column).map((p) => p.number)));
    if (!name.trim()) setName(column.endsWith("组") ? column : `${column}${t("group_name_suffix")}`);
  };
  return (
    <details class="form-fold" data-testid="form-group">
      <summary>{t("group_form")}</summary>
      <div class="form">
        {free.length === 0 && <p class="muted">{t("group_none_free")}</p>}
        {rosterGroups.length > 0 && (
          <label>
            {t("group_from_roster")}
            <select value={fromRoster} onChange={(e) => prefill(e.currentTarget.value)} data-testid="group-from-roster">
              <option value="">—</option>
              {rosterGroups.map((c) => (
                <option value={c}>{t("group_from_roster_option", { group: c, n: free.filter((p) => (p.group ?? "").trim() === c).length })}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t("group_name")}
          <input value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} placeholder={t("group_name_example")} data-testid="group-name" />
        </label>
        <label>
          {t("group_basis")}
          <select value={basis} onChange={(e) => setBasis(e.currentTarget.value)} data-testid="group-basis">
            <option value="">—</option>
            {GROUP_BASES.map((b) => (
              <option value={b}>{t(`group_basis_${b}`)}</option>
            ))}
          </select>
        </label>
        <p class="small" data-testid="group-picked">
          {t("group_picked_n", { n: picked.length, min: MIN_GROUP_MEMBERS })}
        </p>
        <MemberPicker choices={free} chosen={chosen} onChange={setChosen} testid="group-member" />
        <ActionButton
          class="primary"
          label={t("group_form_submit")}
          actionKey="form_group"
          testid="group-submit"
          disabled={missing !== null}
          note={missing}
          done={t("done_group_formed")}
          action={() =>
            props.client.request("form_group", { name: name.trim(), basis, members: picked }).then(() => {
              setName("");
              setBasis("");
              setChosen(new Set());
              setFromRoster("");
              return props.reload();
            })
          }
        />
      </div>
    </details>
  );
}

function ChangeForm(props: DeskProps & { group: Group }) {
  const g = props.group;
  const ungrouped = new Set(props.view?.ungrouped ?? []);
  const free = props.persons.filter((p) => ungrouped.has(p.number));
  const [added, setAdded] = useState<Set<string>>(new Set());
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const after = g.members.length + added.size - removed.size;
  const missing =
    added.size + removed.size === 0 ? t("group_change_needs_change") : after < MIN_GROUP_MEMBERS ? t("group_change_too_small", { n: after, min: MIN_GROUP_MEMBERS }) : !reason.trim() ? t("group_change_needs_reason") : null;
  return (
    <div class="form inline-form" data-testid={`change-form-${g.group_id}`}>
      <fieldset>
        <legend>{t("group_change_remove")}</legend>
        <MemberPicker choices={g.members} chosen={removed} onChange={setRemoved} testid={`change-remove-${g.group_id}`} />
      </fieldset>
      <fieldset>
        <legend>{t("group_change_add")}</legend>
        {free.length === 0 ? <p class="muted">{t("group_none_free")}</p> : <MemberPicker choices={free} chosen={added} onChange={setAdded} testid={`change-add-${g.group_id}`} />}
      </fieldset>
      <p class="small">{t("group_change_after", { n: after })}</p>
      <label>
        {t("group_change_reason")}
        <input value={reason} maxLength={500} onInput={(e) => setReason(e.currentTarget.value)} placeholder={t("group_change_reason_example")} data-testid={`change-reason-${g.group_id}`} />
      </label>
      <ActionButton
        class="primary"
        label={t("group_change_submit")}
        actionKey={`change_group:${g.group_id}`}
        testid={`change-${g.group_id}`}
        disabled={missing !== null}
        note={missing}
        done={t("done_group_changed")}
        action={() =>
          props.client
            .request("change_group", { group_id: g.group_id, reason: reason.trim(), ...(added.size ? { added: [...added] } : {}), ...(removed.size ? { removed: [...removed] } : {}) })
            .then(() => {
              setAdded(new Set());
              setRemoved(new Set());
              setReason("");
              return props.reload();
            })
        }
      />
    </div>
  );
}

function LeadersForm(props: DeskProps & { group: Group }) {
  const g = props.group;
  const elections = groupElections(props.board, g);
  const pending = groupSittingsWithoutResult(props.board, g);
  // The latest decided election until the officer picks another (one may be decided while open).
  const [picked, setVoteId] = useState("");
  const voteId = picked || elections[0]?.voteId || "";
  const election = elections.find((e) => e.voteId === voteId) ?? null;
  const [leader, setLeader] = useState("");
  const [deputy, setDeputy] = useState("");
  const [approval, setApproval] = useState("");
  const choices = election?.elected ?? [];
  const missing = !election
    ? t("leaders_needs_vote")
    : !leader || !deputy
      ? t("leaders_needs_both")
      : leader === deputy
        ? t("leaders_not_same")
        : !approval.trim()
          ? t("leaders_needs_approval")
          : null;
  const nameOf = (n: string) => g.members.find((m) => m.number === n)?.name ?? n;
  return (
    <div class="form inline-form" data-testid={`leaders-form-${g.group_id}`}>
      {elections.length === 0 ? (
        <div class="leaders-next" data-testid={`leaders-no-election-${g.group_id}`}>
          <p>
            <strong>{t("leaders_no_election")}</strong>
          </p>
          <p>{pending.length > 0 ? t("leaders_meeting_pending", { title: pending[pending.length - 1]!.title, date: pending[pending.length - 1]!.date }) : t("leaders_how")}</p>
          <GroupMeetingForm {...props} />
        </div>
      ) : (
        <>
          <label>
            {t("leaders_vote")}
            <select
              value={voteId}
              onChange={(e) => {
                setVoteId(e.currentTarget.value);
                setLeader("");
                setDeputy("");
              }}
              data-testid={`leaders-vote-${g.group_id}`}
            >
              {elections.map((e) => (
                <option value={e.voteId}>
                  {e.title}（{t("leaders_elected_names", { names: e.elected.map((m) => m.name).join(listSep()) || "—" })}）
                </option>
              ))}
            </select>
          </label>
          {choices.length < 2 && <p class="error">{t("leaders_vote_elected_too_few")}</p>}
          <ElectedPicker label={t("group_leader")} value={leader} onChange={setLeader} choices={choices} testid={`leaders-leader-${g.group_id}`} />
          <ElectedPicker label={t("group_deputy")} value={deputy} onChange={setDeputy} choices={choices} testid={`leaders-deputy-${g.group_id}`} />
          <label>
            {t("leaders_approval")}
            <input value={approval} maxLength={500} onInput={(e) => setApproval(e.currentTarget.value)} placeholder={t("leaders_approval_example")} data-testid={`leaders-approval-${g.group_id}`} />
          </label>
          <ActionButton
            class="primary"
            label={t("leaders_submit")}
            actionKey={`approve_group_leaders:${g.group_id}:${voteId}`}
            testid={`leaders-${g.group_id}`}
            disabled={missing !== null}
            note={missing}
            confirm={{ title: t("confirm_leaders", { group: g.name }), consequence: t("consequence_leaders", { leader: nameOf(leader), deputy: nameOf(deputy), approval: approval.trim() }) }}
            done={t("done_leaders")}
            action={() => props.client.request("approve_group_leaders", { group_id: g.group_id, leader, deputy, vote_id: voteId, approval: approval.trim() }).then(props.reload)}
          />
        </>
      )}
    </div>
  );
}

/** Arranges a meeting of the group (its own sitting) for the chair to hold from the chair console. */
function GroupMeetingForm(props: DeskProps & { group: Group }) {
  const g = props.group;
  const [title, setTitle] = useState(t("group_meeting_title", { group: g.name }));
  const [date, setDate] = useState(todayIso());
  return (
    <div class="form" data-testid={`group-meeting-${g.group_id}`}>
      <label>
        {t("group_meeting_name")}
        <input value={title} maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} data-testid={`group-meeting-title-${g.group_id}`} />
      </label>
      <DateField label={t("group_meeting_date")} value={date} onChange={setDate} testid={`group-meeting-date-${g.group_id}`} />
      <ActionButton
        label={t("group_meeting_create")}
        actionKey={`group_meeting:${g.group_id}`}
        testid={`group-meeting-create-${g.group_id}`}
        disabled={!title.trim() || !date}
        done={t("done_group_meeting")}
        action={() => props.client.request("create_sitting", { title: title.trim(), date, group_id: g.group_id }).then(props.reload)}
      />
    </div>
  );
}
