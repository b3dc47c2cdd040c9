// Scrutineer mode on the tablet: the key ceremony (deal one keygen message; once all n are in,
// open the shares sealed to this device, check them, compute and confirm the election key, and
// keep the combined share sealed under a PIN), and approving the decryption of a closed vote
// (a partial decryption with its proof, made here from the PIN-opened share over the encrypted
// sums this tablet added up from its own board as each ballot arrived — the server's tally is
// not asked for), then signing the decided result after recomputing its digest from this
// tablet's own copy of the board: the counts decrypted from those sums with the partial
// decryptions on the board, the board hash at close.
import { useState } from "preact/hooks";
import {
  CeremonyParams,
  INTERACTIVE_LIMITS,
  type KeygenMessage,
  PublicKey,
  SecretKey,
  combineShares,
  checkPartialDecryption,
  computeCeremonyKeys,
  confirmKeys,
  decryptCounts,
  fromHex,
  keyDigest,
  keygenMessageFromJson,
  keygenMessageToJson,
  makeKeygenMessage,
  makePartialDecryption,
  openShare,
  openShareWithPin,
  partialToJson,
  sealShareWithPin,
  systemRandom,
  toHex,
} from "../../src/crypto/index.js";
import { digestAgrees, resultOf } from "./board";
import type { PlenumClient } from "./client";
import { payloadsOf } from "./events";
import { useSignal } from "./hooks";
import { t } from "./i18n";
import { loadBytes, saveBytes } from "./keystore";
import { Card, useAction } from "./ui";
import { VoteFolds } from "./vote_folds";

const followed = new WeakMap<PlenumClient, VoteFolds>();

/** The votes of `client`'s board folded with their encrypted sums, each event folded as it
 * arrives (from the panel's first showing for as long as the client lives). */
function scrutineerFolds(client: PlenumClient): VoteFolds {
  let folds = followed.get(client);
  if (!folds) {
    const made = new VoteFolds(true);
    made.update(client.board.get());
    client.board.subscribe((events) => made.update(events));
    followed.set(client, made);
    folds = made;
  }
  return folds;
}

/** How long approving waits for this device's board to hold the vote's close. */
const CLOSE_WAIT_MS = 10000;

interface CeremonyRecord {
  params: CeremonyParams;
  index: number;
  messages: KeygenMessage[];
  confirmations: Record<string, string>;
  complete: boolean;
  ceremonyId: string;
}

async function fetchCeremony(client: PlenumClient, sittingId: string, person: string): Promise<CeremonyRecord> {
  const r = (await client.request("get_ceremony", { sitting_id: sittingId }))["ceremony"] as Record<string, any>;
  const scrs = r["scrutineers"] as { index: number; person: string; pk: string }[];
  const pks = scrs.map((s) => PublicKey.fromHex(s.pk)!);
  const params = CeremonyParams.create(String(r["congress_id"]), sittingId, pks, Number(r["k"]));
  if (!params) throw new Error(t("scr_ceremony_bad"));
  const me = scrs.find((s) => s.person === person);
  const messages = (r["keygen"] as any[]).map((j) => keygenMessageFromJson(j)).filter((m): m is KeygenMessage => m !== null);
  messages.sort((a, b) => a.dealer - b.dealer);
  return { params, index: me ? me.index : 0, messages, confirmations: r["confirmations"] ?? {}, complete: Boolean(r["complete"]), ceremonyId: String(r["ceremony_id"]) };
}

/** The scrutineer's tasks for the current sitting. */
export function ScrutineerPanel(props: { client: PlenumClient; key_: SecretKey }) {
  const { client } = props;
  const folds = scrutineerFolds(client);
  const state = useSignal(client.state);
  const board = useSignal(client.board);
  const who = useSignal(client.identity)!;
  const [pin, setPin] = useState("");
  const [note, setNote] = useState("");
  const [err, busy, run] = useAction();
  const sittingId = state?.["sitting"]?.["id"] as string | undefined;
  const ceremony = state?.["ceremony"] as Record<string, any> | null | undefined;
  if (!sittingId || !ceremony) {
    return (
      <Card title={t("app_scrutineer")} testid="scrutineer">
        <p class="muted">{t("scr_none")}</p>
      </Card>
    );
  }
  const keygens = payloadsOf(board, "keygen_submitted").filter((p) => p.sitting_id === sittingId);
  const myKeygen = keygens.some((p) => p.person === who.person);
  const keygenCount = keygens.length;
  const myConfirm = payloadsOf(board, "keys_confirmed").some((p) => p.sitting_id === sittingId && p.person === who.person);
  const closed = ((state?.["votes"] ?? []) as any[]).filter((v) => v.status === "closed");
  const done = new Set(payloadsOf(board, "partial_submitted").filter((p) => p.person === who.person).map((p) => p.vote_id));

  const sendKeygen = () =>
    run(async () => {
      const c = await fetchCeremony(client, sittingId, who.person);
      const msg = makeKeygenMessage(c.params, c.index, props.key_, systemRandom);
      await client.request("keygen", { sitting_id: sittingId, message: keygenMessageToJson(msg) });
    });

  const confirm = () =>
    run(async () => {
      const c = await fetchCeremony(client, sittingId, who.person);
      const shares = c.messages.map((m) => openShare(c.params, m, c.index, props.key_));
      if (shares.some((s) => !s.share)) throw new Error(t("scr_share_bad"));
      const keys = computeCeremonyKeys(c.params, c.messages);
      if (!keys) throw new Error(t("scr_share_bad"));
      const share = combineShares(c.params, c.index, shares.map((s) => s.share!), keys.verificationKeys[c.index - 1]!);
      if (!share) throw new Error(t("scr_share_bad"));
      const sealed = sealShareWithPin(share, pin, systemRandom, INTERACTIVE_LIMITS);
      await saveBytes(`share:${c.ceremonyId}`, sealed);
      share.wipe();
      const sig = confirmKeys(c.params, c.index, props.key_, keyDigest(c.params, keys));
      await client.request("confirm_key", { sitting_id: sittingId, confirmation: { index: c.index, signature: toHex(sig) } });
      setNote(t("scr_share_saved"));
    });

  const approve = (voteId: string) =>
    run(async () => {
      const c = await fetchCeremony(client, sittingId, who.person);
      // The sums of the ballots this board accepted before the vote_closed on it.
      const v = await folds.whenReady(voteId, (f) => f.closed !== undefined, CLOSE_WAIT_MS);
      if (!v || !v.opened) throw new Error(t("scr_board_behind"));
      if (!v.aggregates) throw new Error(t("scr_tally_bad"));
      const aggregates = v.aggregates;
      const sealed = await loadBytes(`share:${c.ceremonyId}`);
      const share = sealed ? openShareWithPin(sealed, pin) : null;
      if (!share) throw new Error(t("scr_pin"));
      const keys = computeCeremonyKeys(c.params, c.messages)!;
      const eh = fromHex(v.opened.election_hash, 32)!;
      const partial = makePartialDecryption(c.params, keys, eh, aggregates, share, props.key_);
      share.wipe();
      await client.request("partial_decryption", { vote_id: voteId, partial: partialToJson(partial) });
    });

  // Decided votes this scrutineer decrypted: its signature over the result, once checked.
  const onBoard = new Set(payloadsOf(board, "vote_decided").map((p) => p.vote_id));
  const decided = ((state?.["votes"] ?? []) as any[]).filter((v) => v.status === "decided" && done.has(v.id) && onBoard.has(v.id));
  const mySignatures = new Set(
    payloadsOf(board, "result_signed").filter((p) => p.person === who.person).map((p) => p.vote_id),
  );

  const signResult = (voteId: string) =>
    run(async () => {
      const c = await fetchCeremony(client, sittingId, who.person);
      const v = folds.vote(voteId);
      const r = v ? resultOf(v) : null;
      if (!r || !r.aggregates) throw new Error(t("scr_result_mismatch"));
      // The counts again, from the sums this board kept and the partial decryptions on it.
      const keys = computeCeremonyKeys(c.params, c.messages);
      if (!keys) throw new Error(t("scr_result_mismatch"));
      const positions = r.record.counts.length;
      const aggregates = r.aggregates;
      if (aggregates.length !== positions) throw new Error(t("scr_result_mismatch"));
      const valid = r.partials.filter((p) => checkPartialDecryption(c.params, keys, r.record.electionHash, aggregates, p)).slice(0, c.params.k);
      const counts = valid.length === c.params.k ? decryptCounts(aggregates, valid, c.params.k, r.record.ballots) : null;
      const same = counts !== null && counts.length === positions && counts.every((n, i) => n === r.record.counts[i]);
      if (!same || !digestAgrees(r)) throw new Error(t("scr_result_mismatch"));
      const signature = props.key_.sign(r.digest);
      await client.request("sign_result", { vote_id: voteId, signature: toHex(signature) });
    });

  return (
    <Card title={t("app_scrutineer")} testid="scrutineer">
      <p class="muted">{t("scr_intro")}</p>
      <p>{t("ceremony_progress", { n: ceremony["n"], k: ceremony["k"], confirmed: ceremony["confirmed"] })}</p>
      <label>
        {t("scr_pin")}
        <input type="password" inputMode="numeric" value={pin} onInput={(e) => setPin(e.currentTarget.value)} data-testid="pin" />
      </label>
      <p class="muted small">{t("scr_pin_hint")}</p>
      <div class="row">
        {!myKeygen && (
          <button type="button" class="primary big" disabled={busy} onClick={sendKeygen} data-testid="keygen">
            {t("scr_keygen")}
          </button>
        )}
        {myKeygen && !myConfirm && keygenCount < Number(ceremony["n"]) && <span class="muted">{t("scr_waiting")}</span>}
        {myKeygen && !myConfirm && keygenCount >= Number(ceremony["n"]) && (
          <button type="button" class="primary big" disabled={busy || pin.length < 4} onClick={confirm} data-testid="confirm-key">
            {t("scr_confirm")}
          </button>
        )}
        {myConfirm && <span class="verdict pass">{ceremony["complete"] ? t("ceremony_complete") : t("scr_share_saved")}</span>}
      </div>
      {closed.map((v) => (
        <div class="row scr-task" key={v.id}>
          <span>{v.title}</span>
          {done.has(v.id) ? (
            <span class="verdict pass">{t("scr_approved")}</span>
          ) : (
            <button type="button" class="primary big" disabled={busy || pin.length < 4} onClick={() => approve(v.id)} data-testid={`approve-${v.id}`}>
              {t("scr_approve")}
            </button>
          )}
        </div>
      ))}
      {decided.map((v) => (
        <div class="row scr-task" key={`sign-${v.id}`}>
          <span>{v.title}</span>
          {mySignatures.has(v.id) ? (
            <span class="verdict pass" data-testid={`signed-${v.id}`}>
              {t("scr_signed")}
            </span>
          ) : (
            <button type="button" class="primary big" disabled={busy} onClick={() => signResult(v.id)} data-testid={`sign-${v.id}`}>
              {t("scr_sign_result")}
            </button>
          )}
        </div>
      ))}
      {note && <p class="muted">{note}</p>}
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
    </Card>
  );
}
