// The chair's console. It leads: the one next step of the sitting (next_step.ts) is the largest
// control, always in the same place at the top, with what the hall is waiting for (by name);
// irreversible steps ask first, naming the consequence (actions.tsx). Below: attendance with
// the check-in and sitting controls, the agenda with delegates' proposals, the votes with
// progress (ballots in of eligible, who has not voted — never how) and results, and the key
// ceremony with the scrutineers chosen by name. A delegate group's own sitting says so above
// its attendance (counted over the group's members) and offers no proposals. Nobody types an
// identifier: the server assigns them.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { toHex } from "../../src/crypto/index.js";
import { ActionButton } from "./actions";
import { readVoteBallots, useVoteBallots } from "./ballots_on_demand";
import { boardResult, digestAgrees, eligible, voters } from "./board";
import type { PlenumClient } from "./client";
import { sittingGroup } from "./groups";
import { HallStatus } from "./hall_status";
import { useSignal } from "./hooks";
import { label, listSep, t } from "./i18n";
import { type Proposal, proposalStatusText, useProposals } from "./liaison_desk";
import { type NextStep, nextStep } from "./next_step";
import { VoteResult } from "./results";
import { SubjectPicker, type VoteSubject } from "./satisfaction_subjects";
import { Attendance, Card, type AppProps, startApp } from "./ui";
import { ceremonyWait, decryptedBy, defaultThreshold, signedBy } from "./waiting";
import "./desk.css";

const ITEM_KINDS = ["report", "major_matter", "briefing", "proposal", "election", "appraisal", "other"];
const VOTE_KINDS = ["motion", "election", "appraisal", "confidence", "satisfaction"];

function Field(props: { label: string; children: ComponentChildren }) {
  return (
    <label>
      {props.label}
      {props.children}
    </label>
  );
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The vote kind an agenda item usually ends in. */
function voteKindFor(itemKind: string): string {
  return itemKind === "election" ? "election" : itemKind === "appraisal" ? "appraisal" : "motion";
}

interface VoteDraft {
  item: string;
  kind: string;
  title: string;
  seats: number;
  people: string;
  alt: boolean;
  /** Satisfaction: the ticked subjects; when any, the server names the items after them. */
  subjects: VoteSubject[];
}

interface CeremonyDraft {
  /** Person numbers in the order the chair picked them. */
  picked: string[];
  /** The threshold the chair set, or null for the default. */
  k: number | null;
}

function Chair({ client }: AppProps) {
  const state = useSignal(client.state);
  const board = useSignal(client.board);
  const [sit, setSit] = useState({ title: "", date: new Date().toISOString().slice(0, 10) });
  const [item, setItem] = useState({ kind: "report", title: "", responsible: "" });
  const [vote, setVote] = useState<VoteDraft>({ item: "", kind: "", title: "", seats: 1, people: "", alt: false, subjects: [] });
  const [cer, setCer] = useState<CeremonyDraft>({ picked: [], k: null });
  const [roster, setRoster] = useState<Record<string, any> | null>(null);
  useEffect(() => {
    void client.subscribe(["basis", "state", "results"]);
  }, []);
  useEffect(() => {
    client
      .request("get_roster", {})
      .then((r) => setRoster(r["roster"] as Record<string, any>))
      .catch(() => undefined);
  }, [board.length]);
  // Each proposal's handling as the liaison desk names it (已立案，办理中, 已答复，待评价, 已办结, …).
  const [, handled] = useProposals(client, board.length);
  const handling = new Map(handled.map((p) => [p.id, p]));
  const persons = (roster?.["persons"] ?? []) as any[];
  const names = new Map(persons.map((p) => [String(p.number), String(p.name)]));
  const nameOf = (p: string) => names.get(p) ?? p;
  const nameList = (ps: string[]) => ps.map(nameOf).join(listSep());
  const sitting = state?.["sitting"];
  // A delegate group's own sitting: its members alone are seated (server/DOMAIN-NOTES.md).
  const group = sitting ? sittingGroup(board, String(sitting.id)) : null;
  const agenda = (state?.["agenda"] ?? []) as any[];
  const votes = (state?.["votes"] ?? []) as any[];
  // The ballots of the votes not yet announced, read as they arrive: who has not voted, and
  // the result the chair signs.
  useVoteBallots(
    client,
    votes
      .filter((v) => v.status === "open" || v.status === "closed" || (v.status === "decided" && !v.announced))
      .map((v) => ({ id: String(v.id), received: Number(v.received ?? 0) })),
    state,
  );
  const ceremony = state?.["ceremony"];
  const step = nextStep(state, board);
  const currentItem = state?.["current_item"] as string | null | undefined;

  // The create-vote form follows the current item unless the chair picked another.
  const draftItem = vote.item || currentItem || "";
  const draftKind = vote.kind || voteKindFor(agenda.find((it) => it.id === draftItem)?.kind ?? "report");

  const request = (type: string, fields: Record<string, unknown>) => client.request(type, fields);
  const createVote = () => {
    const f: Record<string, unknown> = { sitting_id: sitting.id, item_id: draftItem, kind: draftKind, title: vote.title.trim() };
    if (draftKind === "election") {
      f["seats"] = vote.seats;
      f["candidates"] = lines(vote.people);
    }
    if (draftKind === "satisfaction" && vote.subjects.length > 0) f["subjects"] = vote.subjects;
    else if (draftKind === "appraisal" || draftKind === "confidence" || draftKind === "satisfaction") f["members"] = lines(vote.people);
    if (draftKind === "appraisal" && vote.alt) f["alternative_scale"] = true;
    const title = vote.title;
    return request("create_vote", f).then((r) => {
      setVote((cur) => (cur.title === title ? { item: "", kind: "", title: "", seats: 1, people: "", alt: false, subjects: [] } : cur));
      return r;
    });
  };
  const startCeremony = () => {
    const n = cer.picked.length;
    return request("start_ceremony", { sitting_id: sitting.id, scrutineers: cer.picked, k: cer.k ?? defaultThreshold(n) });
  };

  const scrutineerPool = persons.filter((p) => (p.roles as string[]).includes("scrutineer"));
  const picker = <ScrutineerPicker pool={scrutineerPool} draft={cer} setDraft={setCer} />;
  const voteForm = (
    <VoteForm
      client={client}
      agenda={agenda}
      draft={{ ...vote, item: draftItem, kind: draftKind }}
      setDraft={(d) => setVote(d)}
      groupName={group?.name}
    />
  );

  return (
    <div class="desk chair">
      <HallStatus state={state} />
      <NextStepPanel
        client={client}
        step={step}
        state={state}
        board={board}
        nameList={nameList}
        sit={sit}
        setSit={setSit}
        cer={cer}
        startCeremony={startCeremony}
        createVote={createVote}
        voteTitle={vote.title}
        picker={picker}
        voteForm={voteForm}
      />
      {sitting && sitting.status !== "closed" && (
        <div class="console">
          <Card title={`${sitting.title} · ${t(`sitting_status_${sitting.status}`)}`} testid="status">
            {group && (
              <p class="group-sitting-note" data-testid="group-sitting-note">
                <span class="tag now">{t("chair_group_sitting_tag")}</span>{" "}
                {t("chair_group_sitting_note", { group: group.name, n: Number(state!["seated"] ?? 0) + Number(state!["excused"] ?? 0) })}
              </p>
            )}
            <Attendance state={state!} />
            <div class="row wrap">
              {sitting.checkin_open ? (
                <ActionButton
                  label={t("close_checkin")}
                  actionKey={`close_checkin:${sitting.id}`}
                  testid="close-checkin"
                  done={t("done_close_checkin")}
                  confirm={{ title: t("confirm_close_checkin"), consequence: t("consequence_close_checkin", { present: state!["present"] ?? 0, seated: state!["seated"] ?? 0 }) }}
                  action={() => request("close_checkin", { sitting_id: sitting.id })}
                />
              ) : (
                <ActionButton
                  label={t("open_checkin")}
                  actionKey={`open_checkin:${sitting.id}`}
                  testid="open-checkin"
                  done={t("done_open_checkin")}
                  action={() => request("open_checkin", { sitting_id: sitting.id })}
                />
              )}
              {sitting.status === "open" && (
                <ActionButton
                  label={t("close_sitting")}
                  actionKey={`close_sitting:${sitting.id}`}
                  testid="close-sitting"
                  disabled={votes.some((v) => v.status === "open" || v.status === "closed" || (v.status === "decided" && !v.announced))}
                  confirm={{ title: t("confirm_close_sitting"), consequence: t("consequence_close_sitting") }}
                  action={() => request("close_sitting", { sitting_id: sitting.id })}
                />
              )}
            </div>
          </Card>
          <Card title={t("agenda")} testid="agenda">
            <ol class="agenda">
              {agenda.map((it) => (
                <li key={it.id} class={it.id === currentItem ? "current" : ""} data-testid={`item-${it.title}`}>
                  <span>
                    {it.title} <span class="tag">{t(`item_kind_${it.kind}`)}</span>
                  </span>
                  {it.id === currentItem ? (
                    <span class="tag now">{t("current_item")}</span>
                  ) : (
                    <ActionButton
                      label={t("set_current")}
                      actionKey={`set_current:${it.id}:${currentItem ?? ""}`}
                      testid={`current-${it.id}`}
                      disabled={votes.some((v) => v.status === "open")}
                      action={() => request("set_current_item", { sitting_id: sitting.id, item_id: it.id })}
                    />
                  )}
                </li>
              ))}
            </ol>
            <details>
              <summary>{t("add_item")}</summary>
              <div class="form">
                <Field label={t("kind")}>
                  <select name="item_kind" value={item.kind} onChange={(e) => setItem({ ...item, kind: e.currentTarget.value })}>
                    {ITEM_KINDS.map((k) => (
                      <option value={k}>{t(`item_kind_${k}`)}</option>
                    ))}
                  </select>
                </Field>
                <Field label={t("title")}>
                  <input name="item_title" value={item.title} onInput={(e) => setItem({ ...item, title: e.currentTarget.value })} />
                </Field>
                <Field label={t("responsible")}>
                  <input name="item_responsible" value={item.responsible} onInput={(e) => setItem({ ...item, responsible: e.currentTarget.value })} />
                </Field>
                <ActionButton
                  label={t("add_item")}
                  actionKey="add_item"
                  testid="add-item"
                  disabled={!item.title.trim()}
                  done={t("done_add_item")}
                  action={() => {
                    const title = item.title;
                    // Cleared for the next item unless the chair already typed another.
                    return request("add_item", { sitting_id: sitting.id, kind: item.kind, title: title.trim(), responsible: item.responsible.trim() }).then(() =>
                      setItem((cur) => (cur.title === title ? { ...cur, title: "" } : cur)),
                    );
                  }}
                />
              </div>
            </details>
          </Card>
          {!group && <Proposals client={client} roster={roster} handling={handling} sitting={sitting} nameOf={nameOf} />}
          <Card title={t("votes")} testid="votes" class="votes-card">
            <div class="vote-list">
              {votes.map((v) => (
                <VoteCard key={v.id} vote={v} board={board} persons={persons} nameOf={nameOf} nameList={nameList} />
              ))}
            </div>
            {step.kind !== "create_vote" && (
              <details data-testid="create-vote-details">
                <summary>{t("create_vote")}</summary>
                {voteForm}
                <ActionButton
                  label={t("create_vote")}
                  actionKey="create_vote"
                  testid="create-vote"
                  disabled={!draftItem || !vote.title.trim()}
                  done={t("done_create_vote")}
                  action={createVote}
                />
              </details>
            )}
          </Card>
          <Card title={t("ceremony")} testid="ceremony">
            <CeremonyStatus ceremony={ceremony} wait={ceremonyWait(board, sitting.id)} nameList={nameList} />
            {step.kind !== "ceremony" && !ceremony?.complete && (
              <details>
                <summary>{t("ceremony_restart")}</summary>
                {picker}
                <ActionButton
                  label={t("start_ceremony")}
                  actionKey="restart_ceremony"
                  testid="start-ceremony"
                  disabled={cer.picked.length === 0}
                  confirm={{ title: t("confirm_start_ceremony"), consequence: ceremonyConsequence(cer, nameList) }}
                  action={startCeremony}
                />
              </details>
            )}
          </Card>
        </div>
      )}
    </div>
  );
}

function ceremonyConsequence(cer: CeremonyDraft, nameList: (ps: string[]) => string): string {
  const n = cer.picked.length;
  return t("consequence_start_ceremony", { names: nameList(cer.picked), n, k: cer.k ?? defaultThreshold(n) });
}

/** The largest control: the sitting's next step, in a fixed place, with what it waits for. */
function NextStepPanel(props: {
  client: PlenumClient;
  step: NextStep;
  state: Record<string, any> | null;
  board: readonly any[];
  nameList: (ps: string[]) => string;
  sit: { title: string; date: string };
  setSit: (s: { title: string; date: string }) => void;
  cer: CeremonyDraft;
  startCeremony: () => Promise<unknown>;
  createVote: () => Promise<unknown>;
  voteTitle: string;
  picker: ComponentChildren;
  voteForm: ComponentChildren;
}) {
  const { client, step, state, sit, nameList } = props;
  const sitting = state?.["sitting"];
  const request = (type: string, fields: Record<string, unknown>) => client.request(type, fields);
  let button: { label: string; action?: () => Promise<unknown>; confirm?: { title: string; consequence: string }; disabled?: boolean; done?: string; key: string };
  let explain: ComponentChildren = null;
  let detail: ComponentChildren = null;
  switch (step.kind) {
    case "create_sitting":
      button = {
        label: t("chair_create_sitting"),
        key: "create_sitting",
        disabled: !sit.title.trim() || !sit.date,
        done: t("done_create_sitting"),
        action: () => request("create_sitting", { title: sit.title.trim(), date: sit.date }),
      };
      explain = sitting?.status === "closed" ? t("ns_sitting_closed", { title: sitting.title }) : t("ns_create_sitting");
      detail = (
        <div class="form inline">
          <Field label={t("title")}>
            <input name="sitting_title" value={sit.title} placeholder={t("sitting_title_example")} onInput={(e) => props.setSit({ ...sit, title: e.currentTarget.value })} />
          </Field>
          <Field label={t("date")}>
            <input name="sitting_date" type="date" value={sit.date} onInput={(e) => props.setSit({ ...sit, date: e.currentTarget.value })} />
          </Field>
        </div>
      );
      break;
    case "ceremony":
      button = {
        label: t("start_ceremony"),
        key: "start_ceremony",
        disabled: props.cer.picked.length === 0,
        confirm: { title: t("confirm_start_ceremony"), consequence: ceremonyConsequence(props.cer, nameList) },
        done: t("done_start_ceremony"),
        action: props.startCeremony,
      };
      explain = t("ns_ceremony");
      detail = props.picker;
      break;
    case "wait_ceremony":
      button = { label: t("ns_wait_ceremony_button"), key: "wait_ceremony" , disabled: true };
      explain = (
        <span data-testid="waiting-for">{t(step.phase === "keygen" ? "ns_wait_keygen" : "ns_wait_confirm", { names: nameList(step.missing) })}</span>
      );
      break;
    case "open_checkin":
      button = { label: t("open_checkin"), key: `open_checkin:${sitting.id}`, done: t("done_open_checkin"), action: () => request("open_checkin", { sitting_id: sitting.id }) };
      explain = t("ns_open_checkin");
      break;
    case "open_sitting": {
      const q = state!["quorum"] ?? {};
      button = {
        label: t("open_sitting"),
        key: `open_sitting:${sitting.id}`,
        disabled: !q.holds,
        confirm: { title: t("confirm_open_sitting"), consequence: t("consequence_open_sitting", { present: state!["present"] ?? 0, seated: state!["seated"] ?? 0, required: q.required ?? 0 }) },
        done: t("done_open_sitting"),
        action: () => request("open_sitting", { sitting_id: sitting.id }),
      };
      explain = q.holds ? t("ns_open_sitting", { present: state!["present"] ?? 0, seated: state!["seated"] ?? 0 }) : t("ns_quorum_short", { n: q.shortfall ?? 0 });
      break;
    }
    case "add_item":
      button = { label: t("add_item"), key: "add_item_hint", disabled: true };
      explain = t("ns_add_item");
      break;
    case "set_current":
      button = {
        label: t("ns_set_current_button", { title: step.title }),
        key: `set_current:${step.itemId}`,
        done: t("done_set_current"),
        action: () => request("set_current_item", { sitting_id: sitting.id, item_id: step.itemId }),
      };
      explain = t("ns_set_current");
      break;
    case "create_vote":
      button = { label: t("create_vote"), key: `create_vote:${step.itemId}`, disabled: !props.voteTitle.trim(), done: t("done_create_vote"), action: props.createVote };
      explain = t("ns_create_vote", { title: step.title });
      detail = props.voteForm;
      break;
    case "open_vote":
      button = { label: t("ns_open_vote_button", { title: step.title }), key: `open_vote:${step.voteId}`, done: t("done_open_vote"), action: () => request("open_vote", { vote_id: step.voteId }) };
      explain = t("ns_open_vote");
      break;
    case "close_vote":
      button = {
        label: t("close_vote"),
        key: `close_vote:${step.voteId}`,
        confirm: { title: t("confirm_close_vote", { title: step.title }), consequence: t("consequence_close_vote", { received: step.received, eligible: step.eligible }) },
        done: t("done_close_vote"),
        action: () => request("close_vote", { vote_id: step.voteId }),
      };
      explain = t("ns_close_vote", { title: step.title, received: step.received, eligible: step.eligible });
      break;
    case "wait_decrypt":
      button = { label: t("ns_wait_decrypt_button"), key: `wait_decrypt:${step.voteId}`, disabled: true };
      explain = <span data-testid="waiting-for">{t("ns_wait_decrypt", { title: step.title, n: step.need, names: nameList(step.missing) })}</span>;
      break;
    case "wait_sign":
      button = { label: t("ns_wait_sign_button"), key: `wait_sign:${step.voteId}`, disabled: true };
      explain = <span data-testid="waiting-for">{t("ns_wait_sign", { title: step.title, names: nameList(step.missing) || "—" })}</span>;
      break;
    case "announce":
      button = {
        label: t("announce_result"),
        key: `announce:${step.voteId}`,
        confirm: { title: t("confirm_announce", { title: step.title }), consequence: t("consequence_announce") },
        done: t("done_announce"),
        action: () => announce(client, step.voteId),
      };
      explain = t("ns_announce", { title: step.title });
      break;
    case "close_sitting":
      button = {
        label: t("close_sitting"),
        key: `close_sitting:${sitting.id}`,
        confirm: { title: t("confirm_close_sitting"), consequence: t("consequence_close_sitting") },
        done: t("done_close_sitting"),
        action: () => request("close_sitting", { sitting_id: sitting.id }),
      };
      explain = t("ns_close_sitting");
      break;
  }
  const sideNote = sitting && step.kind !== "wait_ceremony" ? <CeremonySideNote state={state} board={props.board} nameList={nameList} /> : null;
  return (
    <section class="next-step card" aria-labelledby="next-step-title" data-testid="next-step-panel" data-step={step.kind}>
      <h2 id="next-step-title" class="next-step-title">
        {t("next_step")}
      </h2>
      <div class="next-step-row">
        <ActionButton
          class="primary huge"
          label={button.label}
          actionKey={button.key}
          testid="next-step"
          disabled={button.disabled || !button.action}
          confirm={button.confirm}
          done={button.done}
          action={button.action ?? (() => Promise.resolve())}
        />
        <div class="next-step-explain" data-testid="next-step-explain">
          <p>{explain}</p>
          {sideNote}
        </div>
      </div>
      {detail && <div class="next-step-detail">{detail}</div>}
    </section>
  );
}

/** While the key ceremony runs alongside check-in: whom it still waits for. */
function CeremonySideNote(props: { state: Record<string, any> | null; board: readonly any[]; nameList: (ps: string[]) => string }) {
  const sitting = props.state?.["sitting"];
  if (!sitting || props.state?.["ceremony"]?.complete) return null;
  const w = ceremonyWait(props.board, sitting.id);
  if (!w || w.phase === "done") return null;
  return (
    <p class="muted" data-testid="ceremony-waiting">
      {t(w.phase === "keygen" ? "ns_wait_keygen" : "ns_wait_confirm", { names: props.nameList(w.missing) })}
    </p>
  );
}

// The chair signs the result digest recomputed from this console's copy of the board.
async function announce(client: PlenumClient, voteId: string): Promise<void> {
  await readVoteBallots(client, voteId);
  const r = boardResult(client.board.get(), voteId);
  const key = client.secretKey();
  if (!r || !key || !digestAgrees(r)) throw new Error(t("chair_result_mismatch"));
  await client.request("announce_result", { vote_id: voteId, signature: toHex(key.sign(r.digest)) });
}

/** Scrutineers chosen by name, in the order tapped, and the threshold (default n − 1 / n). */
function ScrutineerPicker(props: { pool: any[]; draft: CeremonyDraft; setDraft: (d: CeremonyDraft) => void }) {
  const { pool, draft } = props;
  const n = draft.picked.length;
  const k = draft.k ?? defaultThreshold(n);
  const toggle = (p: string) => {
    const picked = draft.picked.includes(p) ? draft.picked.filter((x) => x !== p) : [...draft.picked, p];
    const keep = draft.k !== null && draft.k >= 1 && draft.k <= picked.length ? draft.k : null;
    props.setDraft({ picked, k: keep });
  };
  return (
    <div class="picker" data-testid="scrutineer-picker">
      <p class="muted">{t("pick_scrutineers_hint")}</p>
      {pool.length === 0 && <p class="muted">{t("no_scrutineers")}</p>}
      <div class="picks" role="group" aria-label={t("pick_scrutineers")}>
        {pool.map((p) => {
          const at = draft.picked.indexOf(p.number);
          return (
            <button type="button" class={at >= 0 ? "pick on" : "pick"} aria-pressed={at >= 0} disabled={!p.enrolled} onClick={() => toggle(p.number)} data-testid={`pick-${p.number}`}>
              {at >= 0 && <span class="pick-order">{at + 1}</span>}
              {p.name}
              {!p.enrolled && <span class="small muted"> · {t("not_enrolled")}</span>}
            </button>
          );
        })}
      </div>
      <label class="threshold" hidden={n === 0}>
        {t("threshold_of", { n })}
        <input
          name="k"
          type="number"
          min={1}
          max={Math.max(1, n)}
          value={n === 0 ? "" : k}
          disabled={n === 0}
          onInput={(e) => {
            const v = Math.round(Number(e.currentTarget.value));
            if (v >= 1 && v <= n) props.setDraft({ ...draft, k: v });
          }}
        />
      </label>
      {n > 0 && <p class="muted small">{t("threshold_explain", { k, n })}</p>}
    </div>
  );
}

function CeremonyStatus(props: { ceremony: any; wait: ReturnType<typeof ceremonyWait>; nameList: (ps: string[]) => string }) {
  const { ceremony, wait } = props;
  if (!ceremony) return <p class="muted">{t("ceremony_none")}</p>;
  return (
    <>
      <p class={ceremony.complete ? "verdict pass" : ""} data-testid="ceremony-status">
        {ceremony.complete ? `${t("ceremony_complete")} · ` : ""}
        {t("ceremony_progress", { n: ceremony.n, k: ceremony.k, confirmed: ceremony.confirmed })}
      </p>
      {wait && <p class="muted">{label("ceremony_scrutineers")}{props.nameList(wait.scrutineers)}</p>}
    </>
  );
}

/** The create-vote fields (item, kind, title, seats, candidates or members). */
function VoteForm(props: { client: PlenumClient; agenda: any[]; draft: VoteDraft; setDraft: (d: VoteDraft) => void; groupName?: string }) {
  const { draft: vote, setDraft: setVote, agenda } = props;
  return (
    <div class="form">
      <Field label={t("agenda")}>
        <select
          name="vote_item"
          value={vote.item}
          onChange={(e) => {
            setVote({ ...vote, item: e.currentTarget.value, kind: "" });
          }}
        >
          <option value="">—</option>
          {agenda.map((it) => (
            <option value={it.id}>{it.title}</option>
          ))}
        </select>
      </Field>
      <Field label={t("kind")}>
        <select name="vote_kind" value={vote.kind} onChange={(e) => setVote({ ...vote, kind: e.currentTarget.value })}>
          {VOTE_KINDS.map((k) => (
            <option value={k}>{t(`vote_kind_${k}`)}</option>
          ))}
        </select>
      </Field>
      <Field label={t("title")}>
        <input name="vote_title" value={vote.title} onInput={(e) => setVote({ ...vote, title: e.currentTarget.value })} />
      </Field>
      {vote.kind === "election" && (
        <Field label={t("seats")}>
          <input name="seats" type="number" min={1} value={vote.seats} onInput={(e) => setVote({ ...vote, seats: Number(e.currentTarget.value) })} />
        </Field>
      )}
      {vote.kind === "satisfaction" && (
        <SubjectPicker client={props.client} chosen={vote.subjects} setChosen={(subjects) => setVote({ ...vote, subjects })} />
      )}
      {vote.kind !== "motion" && !(vote.kind === "satisfaction" && vote.subjects.length > 0) && (
        <Field label={vote.kind === "election" ? t("candidates_one_per_line") : vote.kind === "satisfaction" ? t("items_one_per_line") : t("members_one_per_line")}>
          <textarea name="people" rows={5} value={vote.people} onInput={(e) => setVote({ ...vote, people: e.currentTarget.value })} />
        </Field>
      )}
      {vote.kind === "election" && props.groupName && (
        <p class="muted" data-testid="group-candidates-hint">
          {t("chair_group_candidates_hint", { group: props.groupName })}
        </p>
      )}
      {vote.kind === "satisfaction" && (
        <p class="muted" data-testid="satisfaction-rule">
          {t("satisfaction_rule")}
        </p>
      )}
      {vote.kind === "appraisal" && (
        <label class="check">
          <input type="checkbox" checked={vote.alt} onChange={(e) => setVote({ ...vote, alt: e.currentTarget.checked })} />
          {t("alternative_scale")}
        </label>
      )}
    </div>
  );
}

/** One vote: status, progress, who has not voted, whom it waits for, signatures, result. */
function VoteCard(props: { vote: any; board: readonly any[]; persons: any[]; nameOf: (p: string) => string; nameList: (ps: string[]) => string }) {
  const { vote: v, board } = props;
  const who = voters(board as any, v.id);
  const present = new Set(props.persons.filter((p) => p.present).map((p) => p.number));
  const notVoted = eligible(board as any, v.id).filter((p) => !who.has(p) && (present.size === 0 || present.has(p)));
  const decrypted = decryptedBy(board as any, v.id);
  const signed = signedBy(board as any, v.id);
  return (
    <div class="vote" data-testid={`vote-${v.id}`} data-title={v.title}>
      <h3>
        {v.title} <span class="tag">{t(`vote_kind_${v.kind}`)}</span> <span class="tag" data-testid={`vote-status-${v.id}`}>{t(`vote_status_${v.status}`)}</span>
      </h3>
      {v.status !== "created" && (
        <>
          <progress max={Math.max(1, v.eligible_present)} value={v.received} aria-label={t("progress")} />
          <p data-testid={`progress-${v.id}`}>{t("progress_of", { received: v.received, eligible: v.eligible_present })}</p>
        </>
      )}
      {v.status === "open" && notVoted.length > 0 && (
        <p class="muted">
          {label("not_voted_list")}
          {props.nameList(notVoted)}
        </p>
      )}
      {v.status === "decided" && (
        <p class="muted" data-testid={`signatures-${v.id}`}>
          {t("result_signatures", { signed: v.signatures ?? 0, decrypted: v.decrypted_by ?? 0 })}
          {decrypted.some((p) => !signed.has(p)) && ` · ${t("not_signed_yet", { names: props.nameList(decrypted.filter((p) => !signed.has(p))) })}`}
        </p>
      )}
      {v.status === "decided" && <VoteResult vote={v} />}
    </div>
  );
}

/** Delegates' proposals with their status (on the agenda, or their handling by the liaison desk:
 *  待处理, 已立案，办理中, 已答复，待评价, 已办结, …); the chair puts one on the agenda. */
function Proposals(props: {
  client: PlenumClient;
  roster: Record<string, any> | null;
  handling: Map<string, Proposal>;
  sitting: any;
  nameOf: (p: string) => string;
}) {
  const proposals = (props.roster?.["proposals"] ?? []) as any[];
  return (
    <Card title={t("proposals_title")} testid="proposals">
      {proposals.length === 0 && <p class="muted">{t("no_proposals")}</p>}
      <ul class="proposals">
        {proposals.map((pr) => {
          const onAgenda = pr.status === "on_agenda" || !!pr.item_id;
          const handled = props.handling.get(String(pr.id));
          return (
            <li key={pr.id} data-testid={`proposal-${pr.id}`}>
              <span>
                <strong>{pr.title}</strong> <span class="muted">{label("proposal_by")}{props.nameOf(pr.by)}</span>{" "}
                <span class={onAgenda ? "tag now" : "tag"} data-testid={`proposal-status-${pr.id}`}>
                  {onAgenda ? t("proposal_on_agenda") : handled ? proposalStatusText(handled) : t("proposal_submitted_status")}
                </span>
              </span>
              {!onAgenda && props.sitting.status !== "closed" && (
                <ActionButton
                  label={t("put_on_agenda")}
                  actionKey={`put_on_agenda:${pr.id}`}
                  testid={`put-on-agenda-${pr.id}`}
                  done={t("done_add_item")}
                  action={() =>
                    props.client.request("add_item", { sitting_id: props.sitting.id, kind: "proposal", title: pr.title, responsible: props.nameOf(pr.by), proposal_id: pr.id })
                  }
                />
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

void startApp("app_chair", "device:chair", Chair);
