// The delegate's tablet: check-in, agenda and materials, a ballot for each open vote, receipts,
// a form to submit a proposal (at any time); and, for a scrutineer, the scrutineer panel.
import { useEffect, useRef, useState } from "preact/hooks";
import { checkinDigest, toHex } from "../../src/crypto/index.js";
import { BallotView } from "./ballot";
import { voteKeys } from "./board";
import { useSignal } from "./hooks";
import { label, t } from "./i18n";
import { VoteResult } from "./results";
import { ScrutineerPanel } from "./scrutineer";
import { Attendance, Card, type AppProps, startApp, useAction } from "./ui";

function Tablet({ client }: AppProps) {
  const state = useSignal(client.state);
  const board = useSignal(client.board);
  const who = useSignal(client.identity)!;
  const [err, busy, run] = useAction();
  const [openItem, setOpenItem] = useState<string | null>(null);
  // Votes cast from this page: their ballot view stays to show the receipt.
  const lastMe = useRef<Record<string, any>>({});
  const [castHere, setCastHere] = useState<ReadonlySet<string>>(new Set());
  const [proposal, setProposal] = useState({ title: "", text: "" });
  const [submitted, setSubmitted] = useState<{ id: string; seq: number } | null>(null);
  useEffect(() => {
    void client.subscribe(["board", "state", "results"]);
  }, []);
  // Pushed states are the public view; fetch the personal one ("me") after each.
  useEffect(() => {
    if (state && !state["me"]) void client.refreshState().catch(() => undefined);
  }, [state]);
  if (!state || !state["sitting"]) return <p class="muted">{t("no_sitting")}</p>;
  const sitting = state["sitting"];
  // A pushed state is the public view: keep the last personal part until it is fetched again,
  // so that an open ballot is not unmounted by every push.
  if (state["me"]) lastMe.current = state["me"];
  const me = state["me"] ?? lastMe.current;
  const isDelegate = who.roles.includes("delegate");
  const isScrutineer = who.roles.includes("scrutineer");
  const keys = voteKeys(board);
  const receipts = new Map<string, any>(((me["receipts"] ?? []) as any[]).map((r) => [r.vote_id, r]));
  const votes = (state["votes"] ?? []) as any[];
  const open = votes.filter((v) => v.status === "open");
  const decided = votes.filter((v) => v.status === "decided");
  const key = client.secretKey()!;

  const checkin = () =>
    run(async () => {
      const unixMs = Math.round(client.serverNow());
      const sig = key.sign(checkinDigest(sitting.id, key.publicKey(), unixMs));
      await client.request("checkin", { sitting_id: sitting.id, unix_ms: unixMs, signature: toHex(sig) });
      await client.refreshState();
    });

  const submitProposal = () =>
    run(async () => {
      const id = `P-${who.person}-${Date.now().toString(36)}`;
      const reply = await client.request("submit_proposal", { proposal_id: id, title: proposal.title.trim(), text: proposal.text.trim() });
      setSubmitted({ id, seq: Number(reply["board_seq"]) });
      setProposal({ title: "", text: "" });
    });

  return (
    <div class="tablet">
      <Card title={`${sitting.title}`} testid="sitting">
        <p class="muted">
          {sitting.date} · {t(`sitting_status_${sitting.status}`)}
        </p>
        <Attendance state={state} />
        {(isDelegate || who.roles.includes("alternate") || who.roles.includes("observer")) && (
          <div class="row">
            {me["present"] ? (
              <span class="verdict pass" data-testid="checked-in">
                ✔ {t("checked_in")}
              </span>
            ) : (
              <button type="button" class="primary big" disabled={busy || !sitting.checkin_open} onClick={checkin} data-testid="checkin">
                {sitting.checkin_open ? t("checkin_button") : t("checkin_closed")}
              </button>
            )}
          </div>
        )}
        {err && (
          <p class="error" role="alert">
            {err}
          </p>
        )}
      </Card>
      {isDelegate &&
        open.map((v) =>
          receipts.has(v.id) && !castHere.has(v.id) ? (
            <Card title={v.title} testid={`voted-${v.id}`}>
              <p class="verdict pass">{t("already_voted")}</p>
              <p>
                {label("ballot_tracking")}<span class="code">{receipts.get(v.id).tracking_code}</span>
              </p>
            </Card>
          ) : keys.has(v.id) && me["present"] ? (
            <BallotView key={v.id} client={client} keyBytes={key} vote={v} keys={keys.get(v.id)!} onCast={() => setCastHere(new Set([...castHere, v.id]))} />
          ) : null,
        )}
      {isDelegate && open.length === 0 && (
        <Card>
          <p class="muted">{t("not_open")}</p>
        </Card>
      )}
      {isScrutineer && <ScrutineerPanel client={client} key_={key} />}
      <Card title={t("agenda")} testid="agenda">
        <ol class="agenda">
          {((state["agenda"] ?? []) as any[]).map((item) => (
            <li class={item.id === state["current_item"] ? "current" : ""}>
              <button type="button" class="link" onClick={() => setOpenItem(openItem === item.id ? null : item.id)} aria-expanded={openItem === item.id}>
                {item.title} <span class="tag">{t(`item_kind_${item.kind}`)}</span>
                {item.id === state["current_item"] && <span class="tag now">{t("current_item")}</span>}
              </button>
              {openItem === item.id && (
                <div class="materials">
                  <h3>{t("materials")}</h3>
                  {(item.materials as any[]).length === 0 && <p class="muted">{t("no_materials")}</p>}
                  {(item.materials as any[]).map((m) => (
                    <article>
                      <h4>{m.title}</h4>
                      {m.text ? <p class="material-text">{m.text}</p> : <a href={m.url}>{m.url}</a>}
                    </article>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ol>
      </Card>
      {isDelegate && (
        <Card title={t("proposal_form")} testid="proposal">
          <div class="form">
            <label>
              {t("proposal_title")}
              <input value={proposal.title} maxLength={300} onInput={(e) => setProposal({ ...proposal, title: e.currentTarget.value })} data-testid="proposal-title" />
            </label>
            <label>
              {t("proposal_text")}
              <textarea rows={5} value={proposal.text} onInput={(e) => setProposal({ ...proposal, text: e.currentTarget.value })} data-testid="proposal-text" />
            </label>
            <button
              type="button"
              class="primary"
              disabled={busy || proposal.title.trim() === "" || proposal.text.trim() === ""}
              onClick={submitProposal}
              data-testid="proposal-submit"
            >
              {t("proposal_submit")}
            </button>
            {submitted && (
              <p class="verdict pass" data-testid="proposal-done">
                {t("proposal_submitted", { id: submitted.id, seq: submitted.seq })}
              </p>
            )}
          </div>
        </Card>
      )}
      {decided.length > 0 && (
        <Card title={t("results")}>
          {decided.map((v) => (
            <VoteResult vote={v} />
          ))}
        </Card>
      )}
    </div>
  );
}

void startApp("app_tablet", "device:tablet", Tablet);
