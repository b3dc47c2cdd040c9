// The delegate's proposals, on the tablet or a phone: "my proposals" first (an answer to rate
// on top), the form (title, text, co-signers chosen by name from the term's delegates), and
// "proposals I co-signed", each with
// its status in words, the handling unit, the deadline and the answers; when an answer waits for
// the proposer's rating, three large buttons 满意 / 基本满意 / 不满意 and the reminder that
// 不满意 sends the proposal back for handling once.
import { useEffect, useState } from "preact/hooks";
import "./term.css";
import type { BoardEvent, PlenumClient } from "./client";
import { label, listSep, t } from "./i18n";
import { AnswerList, type Proposal, proposalStatusText, useProposals } from "./liaison_desk";
import { currentDelegates } from "./term_roster";
import { useAction } from "./ui";

const RATINGS = ["satisfied", "basically_satisfied", "unsatisfied"] as const;

/** The form and both lists for the delegate `me` (person number). */
export function MyProposals(props: { client: PlenumClient; board: readonly BoardEvent[]; me: string }) {
  const [, proposals, reload] = useProposals(props.client, props.board.length);
  const mine = proposals.filter((p) => p.by === props.me);
  const cosigned = proposals.filter((p) => p.by !== props.me && p.co_signers.includes(props.me));
  const waiting = mine.filter((p) => p.status === "answered").length;
  return (
    <div class="my-proposals">
      <section class="card" data-testid="my-proposals">
        <h2>{t("my_proposals")}</h2>
        {waiting > 0 && (
          <p class="banner rate-banner" data-testid="rate-waiting">
            {t("rate_waiting_n", { n: waiting })}
          </p>
        )}
        {mine.length === 0 && <p class="muted">{t("no_my_proposals")}</p>}
        {mine.map((p) => (
          <MyProposal key={p.id} client={props.client} proposal={p} mine reload={reload} board={props.board} />
        ))}
      </section>
      <ProposalForm client={props.client} board={props.board} me={props.me} onDone={reload} />
      {cosigned.length > 0 && (
        <section class="card" data-testid="cosigned-proposals">
          <h2>{t("cosigned_proposals")}</h2>
          {cosigned.map((p) => (
            <MyProposal key={p.id} client={props.client} proposal={p} mine={false} reload={reload} board={props.board} />
          ))}
        </section>
      )}
    </div>
  );
}

function ProposalForm(props: { client: PlenumClient; board: readonly BoardEvent[]; me: string; onDone: () => Promise<void> }) {
  const [err, busy, run] = useAction();
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [coSigners, setCoSigners] = useState<string[]>([]);
  const [query, setQuery] = useState("");
  const [submitted, setSubmitted] = useState<{ id: string } | null>(null);
  // The roster is no part of a tablet's course (protocol/PROTOCOL.md §8b): read once a co-signer
  // is searched for.
  useEffect(() => {
    if (query.trim() !== "") void props.client.readRoster().catch(() => undefined);
  }, [query.trim() !== ""]);
  const others = currentDelegates(props.board).filter((d) => d.number !== props.me);
  const names = new Map(others.map((d) => [d.number, d.name]));
  const q = query.trim();
  const matches = q ? others.filter((d) => !coSigners.includes(d.number) && (d.name.includes(q) || d.number.includes(q))) : [];
  const submit = () =>
    run(async () => {
      const reply = await props.client.request("submit_proposal", { title: title.trim(), text: text.trim(), ...(coSigners.length ? { co_signers: coSigners } : {}) });
      setSubmitted({ id: String(reply["proposal_id"]) });
      setTitle("");
      setText("");
      setCoSigners([]);
      await props.onDone();
    });
  return (
    <section class="card" data-testid="proposal">
      <h2>{t("proposal_form")}</h2>
      <p class="muted">{t("proposal_form_hint")}</p>
      <div class="form">
        <label>
          {t("proposal_title")}
          <input value={title} maxLength={300} onInput={(e) => setTitle(e.currentTarget.value)} data-testid="proposal-title" />
        </label>
        <label>
          {t("proposal_text")}
          <textarea rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="proposal-text" />
        </label>
        <div class="cosigners">
          <label>
            {t("cosigners_find")}
            <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder={t("cosigners_placeholder")} data-testid="cosigner-search" />
          </label>
          {q && matches.length === 0 && <p class="muted">{t("cosigners_none_found")}</p>}
          {matches.slice(0, 6).map((d) => (
            <button
              type="button"
              class="cosigner-add"
              onClick={() => {
                setCoSigners([...coSigners, d.number]);
                setQuery("");
              }}
              data-testid={`cosigner-add-${d.number}`}
            >
              ＋ {d.name}
              <span class="muted small">
                {" "}
                {d.unit} · {d.number}
              </span>
            </button>
          ))}
          <p class="small" data-testid="cosigners-chosen">
            {label("co_signers")}
            {coSigners.length === 0 ? t("cosigners_optional") : ""}
          </p>
          {coSigners.map((n) => (
            <button key={n} type="button" class="chip" onClick={() => setCoSigners(coSigners.filter((x) => x !== n))} aria-label={t("cosigner_remove", { name: names.get(n) ?? n })} data-testid={`cosigner-${n}`}>
              {names.get(n) ?? n} ✕
            </button>
          ))}
        </div>
        <button type="button" class="primary big" disabled={busy || title.trim() === "" || text.trim() === ""} onClick={submit} data-testid="proposal-submit">
          {t("proposal_submit")}
        </button>
        {(title.trim() === "" || text.trim() === "") && <p class="muted small">{t("proposal_needs_title_text")}</p>}
        {err && (
          <p class="error" role="alert" data-testid="error">
            {err}
          </p>
        )}
        {submitted && (
          <p class="verdict pass" data-testid="proposal-done">
            {t("proposal_submitted", { id: submitted.id })}
          </p>
        )}
      </div>
    </section>
  );
}

function MyProposal(props: { client: PlenumClient; proposal: Proposal; mine: boolean; reload: () => Promise<void>; board: readonly BoardEvent[] }) {
  const { proposal: p } = props;
  const [err, busy, run] = useAction();
  // A tap chooses; a second, on 确定, sends: the rating cannot be taken back.
  const [chosen, setChosen] = useState<string | null>(null);
  const names = new Map(currentDelegates(props.board).map((d) => [d.number, d.name]));
  const rate = (rating: string) =>
    run(async () => {
      await props.client.request("rate_proposal", { proposal_id: p.id, rating });
      setChosen(null);
      await props.reload();
    });
  const toRate = props.mine && p.status === "answered";
  return (
    <article class={`my-proposal${toRate ? " to-rate" : ""}`} data-testid={`my-proposal-${p.id}`}>
      <h3>{p.title}</h3>
      <p class="my-status" data-testid={`my-status-${p.id}`}>
        <span class="tag">{p.on_agenda ? t("proposal_on_agenda") : proposalStatusText(p)}</span>
      </p>
      <p class="small">
        {!props.mine && (
          <span>
            {label("proposal_by")}
            {p.by_name}
            <br />
          </span>
        )}
        {p.co_signers.length > 0 && (
          <span>
            {label("co_signers")}
            {p.co_signers.map((n) => names.get(n) ?? n).join(listSep())}
            <br />
          </span>
        )}
        {p.unit && (
          <span>
            {label("handling_unit")}
            {p.unit}
            <br />
          </span>
        )}
        {p.deadline && ["accepted", "rehandling"].includes(p.status) && (
          <span>
            {label("answer_by")}
            {p.deadline}
          </span>
        )}
        {p.conversion_reason && (
          <span>
            {label("conversion_reason")}
            {p.conversion_reason}
          </span>
        )}
      </p>
      <AnswerList proposal={p} />
      {toRate && (
        <div class="rate" data-testid={`rate-${p.id}`}>
          <p class="rate-question">{t("rate_question")}</p>
          {chosen === null ? (
            <div class="rate-buttons">
              {RATINGS.map((r) => (
                <button type="button" class={`rate-button rating-${r}`} disabled={busy} onClick={() => setChosen(r)} data-testid={`rate-${p.id}-${r}`}>
                  {t(`rating_${r}`)}
                </button>
              ))}
            </div>
          ) : (
            <div class="rate-confirm" data-testid={`rate-confirm-${p.id}`}>
              <p class="rate-chosen">
                {t("rate_chosen")}
                <span class={`tag rating rating-${chosen}`}>{t(`rating_${chosen}`)}</span>
              </p>
              <button type="button" class={`rate-button rating-${chosen}`} disabled={busy} onClick={() => rate(chosen)} data-testid={`rate-send-${p.id}`}>
                {t("rate_send")}
              </button>
              <button type="button" class="big rate-again" disabled={busy} onClick={() => setChosen(null)} data-testid={`rate-back-${p.id}`}>
                {t("rate_choose_again")}
              </button>
            </div>
          )}
          <p class="rate-reminder" data-testid={`rate-reminder-${p.id}`}>
            {t(p.round >= 2 ? "rate_reminder_final" : "rate_reminder_once")}
          </p>
          {err && (
            <p class="error" role="alert" data-testid="error">
              {err}
            </p>
          )}
        </div>
      )}
    </article>
  );
}
