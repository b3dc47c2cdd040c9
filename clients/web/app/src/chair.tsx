// The chair's console: the sitting's status, live attendance against quorum with the
// shortfall, agenda control, check-in and sitting open/close, the key ceremony, votes
// (create, open, close), progress (ballots in of eligible, and who has not voted — never how),
// results, and their announcement once the scrutineers who decrypted have signed them.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { toHex } from "../../src/crypto/index.js";
import { boardResult, digestAgrees, eligible, voters } from "./board";
import { useSignal } from "./hooks";
import { label, listSep, t } from "./i18n";
import { VoteResult } from "./results";
import { Attendance, Card, type AppProps, startApp, useAction } from "./ui";

const ITEM_KINDS = ["report", "major_matter", "briefing", "proposal", "election", "appraisal", "other"];
const VOTE_KINDS = ["motion", "election", "appraisal", "confidence"];

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

function Chair({ client }: AppProps) {
  const state = useSignal(client.state);
  const board = useSignal(client.board);
  const [err, busy, run] = useAction();
  const [sit, setSit] = useState({ id: "", title: "", date: new Date().toISOString().slice(0, 10) });
  const [item, setItem] = useState({ id: "", kind: "report", title: "", responsible: "" });
  const [vote, setVote] = useState({ id: "", item: "", kind: "motion", title: "", seats: 1, people: "", alt: false, secret: true });
  const [cer, setCer] = useState({ scrutineers: "", k: 0 });
  const [roster, setRoster] = useState<any[]>([]);
  useEffect(() => {
    void client.subscribe(["board", "state", "results"]);
  }, []);
  useEffect(() => {
    client
      .request("get_roster", {})
      .then((r) => setRoster(((r["roster"] as any)?.["persons"] ?? []) as any[]))
      .catch(() => undefined);
  }, [board.length]);
  const names = new Map(roster.map((p) => [p.number, p.name]));
  const cmd = (type: string, fields: Record<string, unknown>) => run(() => client.request(type, fields));
  // The chair signs the result digest recomputed from this console's copy of the board.
  const announce = (voteId: string) =>
    run(async () => {
      const r = boardResult(client.board.get(), voteId);
      const key = client.secretKey();
      if (!r || !key || !digestAgrees(r)) throw new Error(t("chair_result_mismatch"));
      await client.request("announce_result", { vote_id: voteId, signature: toHex(key.sign(r.digest)) });
    });
  const sitting = state?.["sitting"];
  const agenda = (state?.["agenda"] ?? []) as any[];
  const votes = (state?.["votes"] ?? []) as any[];
  const ceremony = state?.["ceremony"];

  return (
    <div class="console">
      {err && (
        <p class="error sticky" role="alert" data-testid="error">
          {err}
        </p>
      )}
      {!sitting || sitting.status === "closed" ? (
        <Card title={t("chair_create_sitting")} testid="create-sitting">
          <div class="form">
            <Field label={t("sitting_id")}>
              <input name="sitting_id" value={sit.id} onInput={(e) => setSit({ ...sit, id: e.currentTarget.value })} />
            </Field>
            <Field label={t("title")}>
              <input name="sitting_title" value={sit.title} onInput={(e) => setSit({ ...sit, title: e.currentTarget.value })} />
            </Field>
            <Field label={t("date")}>
              <input name="sitting_date" type="date" value={sit.date} onInput={(e) => setSit({ ...sit, date: e.currentTarget.value })} />
            </Field>
            <button type="button" class="primary" disabled={busy} onClick={() => cmd("create_sitting", { sitting_id: sit.id, title: sit.title, date: sit.date })} data-testid="create-sitting-btn">
              {t("create")}
            </button>
          </div>
        </Card>
      ) : null}
      {sitting && (
        <Card title={`${sitting.title} · ${t(`sitting_status_${sitting.status}`)}`} testid="status">
          <Attendance state={state!} />
          <div class="row wrap">
            {sitting.checkin_open ? (
              <button type="button" disabled={busy} onClick={() => cmd("close_checkin", { sitting_id: sitting.id })} data-testid="close-checkin">
                {t("close_checkin")}
              </button>
            ) : (
              <button type="button" disabled={busy || sitting.status === "closed"} onClick={() => cmd("open_checkin", { sitting_id: sitting.id })} data-testid="open-checkin">
                {t("open_checkin")}
              </button>
            )}
            {sitting.status === "scheduled" && (
              <button type="button" class="primary" disabled={busy} onClick={() => cmd("open_sitting", { sitting_id: sitting.id })} data-testid="open-sitting">
                {t("open_sitting")}
              </button>
            )}
            {sitting.status === "open" && (
              <button type="button" disabled={busy} onClick={() => cmd("close_sitting", { sitting_id: sitting.id })} data-testid="close-sitting">
                {t("close_sitting")}
              </button>
            )}
          </div>
        </Card>
      )}
      {sitting && (
        <Card title={t("ceremony")} testid="ceremony">
          {ceremony ? (
            <p class={ceremony.complete ? "verdict pass" : ""}>
              {ceremony.complete ? `${t("ceremony_complete")} · ` : ""}
              {t("ceremony_progress", { n: ceremony.n, k: ceremony.k, confirmed: ceremony.confirmed })}
            </p>
          ) : null}
          {!ceremony?.complete && (
            <div class="form">
              <Field label={t("scrutineers_numbers")}>
                <input name="scrutineers" value={cer.scrutineers} onInput={(e) => setCer({ ...cer, scrutineers: e.currentTarget.value })} />
              </Field>
              <Field label={t("threshold")}>
                <input name="k" type="number" min={0} value={cer.k} onInput={(e) => setCer({ ...cer, k: Number(e.currentTarget.value) })} />
              </Field>
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  // k is optional: 0 leaves the server's default (majority) threshold.
                  const f: Record<string, unknown> = { sitting_id: sitting.id, scrutineers: cer.scrutineers.split(/[,，\s]+/).filter(Boolean) };
                  if (cer.k > 0) f["k"] = cer.k;
                  return cmd("start_ceremony", f);
                }}
                data-testid="start-ceremony"
              >
                {t("start_ceremony")}
              </button>
            </div>
          )}
        </Card>
      )}
      {sitting && (
        <Card title={t("agenda")} testid="agenda">
          <ol class="agenda">
            {agenda.map((it) => (
              <li class={it.id === state?.["current_item"] ? "current" : ""}>
                <span>
                  {it.title} <span class="tag">{t(`item_kind_${it.kind}`)}</span>
                </span>
                {it.id === state?.["current_item"] ? (
                  <span class="tag now">{t("current_item")}</span>
                ) : (
                  <button type="button" disabled={busy} onClick={() => cmd("set_current_item", { sitting_id: sitting.id, item_id: it.id })} data-testid={`current-${it.id}`}>
                    {t("set_current")}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <details>
            <summary>{t("add_item")}</summary>
            <div class="form">
              <Field label={t("item_id")}>
                <input name="item_id" value={item.id} onInput={(e) => setItem({ ...item, id: e.currentTarget.value })} />
              </Field>
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
              <button
                type="button"
                disabled={busy}
                onClick={() => cmd("add_item", { sitting_id: sitting.id, item_id: item.id, kind: item.kind, title: item.title, order: agenda.length + 1, responsible: item.responsible })}
                data-testid="add-item"
              >
                {t("add_item")}
              </button>
            </div>
          </details>
        </Card>
      )}
      {sitting && (
        <Card title={t("votes")} testid="votes">
          {votes.map((v) => {
            const who = voters(board, v.id);
            const missing = eligible(board, v.id).filter((p) => !who.has(p));
            const present = new Set(roster.filter((p) => p.present).map((p) => p.number));
            const notVoted = missing.filter((p) => present.size === 0 || present.has(p));
            return (
              <div class="vote" data-testid={`vote-${v.id}`}>
                <h3>
                  {v.title} <span class="tag">{t(`vote_kind_${v.kind}`)}</span> <span class="tag">{t(`vote_status_${v.status}`)}</span>
                </h3>
                {v.status !== "created" && (
                  <>
                    <progress max={Math.max(1, v.eligible)} value={v.received} aria-label={t("progress")} />
                    <p data-testid={`progress-${v.id}`}>{t("progress_of", { received: v.received, eligible: v.eligible })}</p>
                  </>
                )}
                {v.status === "open" && notVoted.length > 0 && (
                  <p class="muted">
                    {label("not_voted_list")}{notVoted.map((p) => names.get(p) ?? p).join(listSep())}
                  </p>
                )}
                <div class="row">
                  {v.status === "created" && (
                    <button type="button" class="primary" disabled={busy} onClick={() => cmd("open_vote", { vote_id: v.id })} data-testid={`open-${v.id}`}>
                      {t("open_vote")}
                    </button>
                  )}
                  {v.status === "open" && (
                    <button type="button" class="primary" disabled={busy} onClick={() => cmd("close_vote", { vote_id: v.id })} data-testid={`close-${v.id}`}>
                      {t("close_vote")}
                    </button>
                  )}
                </div>
                {v.status === "decided" && (
                  <div class="row">
                    <span class="muted" data-testid={`signatures-${v.id}`}>
                      {t("result_signatures", { signed: v.signatures ?? 0, decrypted: v.decrypted_by ?? 0 })}
                    </span>
                    {v.announced ? (
                      <span class="verdict pass">{t("result_announced")}</span>
                    ) : (
                      <button
                        type="button"
                        class="primary"
                        disabled={busy || (v.signatures ?? 0) < (v.decrypted_by ?? 0) || !board.some((e) => e.type === "vote_decided" && e.payload["vote_id"] === v.id)}
                        onClick={() => announce(v.id)}
                        data-testid={`announce-${v.id}`}
                      >
                        {t("announce_result")}
                      </button>
                    )}
                  </div>
                )}
                {v.status === "decided" && <VoteResult vote={v} />}
              </div>
            );
          })}
          <details>
            <summary>{t("create_vote")}</summary>
            <div class="form">
              <Field label={t("vote_id")}>
                <input name="vote_id" value={vote.id} onInput={(e) => setVote({ ...vote, id: e.currentTarget.value })} />
              </Field>
              <Field label={t("agenda")}>
                <select name="vote_item" value={vote.item} onChange={(e) => setVote({ ...vote, item: e.currentTarget.value })}>
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
              {vote.kind !== "motion" && (
                <Field label={vote.kind === "election" ? t("candidates_one_per_line") : t("members_one_per_line")}>
                  <textarea name="people" rows={5} value={vote.people} onInput={(e) => setVote({ ...vote, people: e.currentTarget.value })} />
                </Field>
              )}
              {vote.kind === "appraisal" && (
                <label class="check">
                  <input type="checkbox" checked={vote.alt} onChange={(e) => setVote({ ...vote, alt: e.currentTarget.checked })} />
                  {t("alternative_scale")}
                </label>
              )}
              <button
                type="button"
                class="primary"
                disabled={busy}
                onClick={() => {
                  const f: Record<string, unknown> = { vote_id: vote.id, sitting_id: sitting.id, item_id: vote.item, kind: vote.kind, title: vote.title };
                  if (vote.kind === "election") {
                    f["seats"] = vote.seats;
                    f["candidates"] = lines(vote.people);
                  }
                  if (vote.kind === "appraisal" || vote.kind === "confidence") f["members"] = lines(vote.people);
                  if (vote.kind === "appraisal" && vote.alt) f["alternative_scale"] = true;
                  return cmd("create_vote", f);
                }}
                data-testid="create-vote"
              >
                {t("create")}
              </button>
            </div>
          </details>
        </Card>
      )}
    </div>
  );
}

void startApp("app_chair", "device:chair", Chair);
