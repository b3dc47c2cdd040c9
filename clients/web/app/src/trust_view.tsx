// What a hall app shows when the server contradicts what the device checks itself
// (protocol/PROTOCOL.md §8b): the whole app stopped (another congress key, a board entry that
// fails its checks), a ballot refused before anything is encrypted, or a receipt that does not
// hold — each in the user's language, saying what to do, in place of what would have been shown.
import { useEffect, useState } from "preact/hooks";
import type { TrustFailure, PlenumClient } from "./client";
import { useSignal } from "./hooks";
import { t } from "./i18n";
import { Receipt } from "./receipt";
import { castReceipts, receiptOnBoard, refusedReceipts, type ReceiptProblem } from "./receipt_check";
import type { TrustProblem } from "./trust";

/** The app stopped for good: shown in place of everything else. */
export function TrustStop(props: { failure: TrustFailure }) {
  const f = props.failure;
  return (
    <section class="card notice-card" role="alert" data-testid="trust-stop" data-trust={f.code}>
      <h2>{t("trust_stop_title")}</h2>
      <p class="big-notice">{t(`trust_${f.code}`, { seq: f.seq ?? "" })}</p>
    </section>
  );
}

/** In place of the ballot of `title`: why this tablet makes no ballot for it. */
export function TrustRefusal(props: { voteId: string; title: string; problem: TrustProblem }) {
  return (
    <section class="card notice-card" role="alert" data-testid={`trust-refused-${props.voteId}`} data-trust={props.problem}>
      <h2>
        {t("trust_refused_title")} · {props.title}
      </h2>
      <p class="big-notice">{t(`trust_${props.problem}`)}</p>
    </section>
  );
}

/** In place of a receipt that failed its checks. */
export function ReceiptWarning(props: { voteId: string; title: string; problem: ReceiptProblem }) {
  return (
    <section class="card notice-card" role="alert" data-testid={`receipt-refused-${props.voteId}`} data-trust={props.problem}>
      <h2>
        {t("trust_receipt_title")} · {props.title}
      </h2>
      <p class="big-notice">{t(`trust_${props.problem}`)}</p>
    </section>
  );
}

/**
 * The receipt of `voteId` (code in display form, `seq` its board entry) once it holds: not
 * refused when it was cast here, and that entry — from the cast_ballot reply or read on
 * demand, checked by entry hash and congress signature — is this device's ballot of the vote
 * with this code (and
 * the entry hash the receipt signed). A receipt that fails, or whose entry the server does not
 * have, shows ReceiptWarning instead.
 */
export function CheckedReceipt(props: { client: PlenumClient; voteId: string; title: string; code: string; seq: number; fresh: boolean }) {
  const board = useSignal(props.client.board);
  const refused = useSignal(refusedReceipts).get(props.voteId);
  const cast = useSignal(castReceipts).get(props.voteId);
  const pk = props.client.devicePk();
  const entrySeq = cast ? cast.seq : props.seq;
  const [withheld, setWithheld] = useState(false);
  const status = useSignal(props.client.status);
  useEffect(() => {
    if (refused || status !== "online") return;
    props.client
      .readEntry(entrySeq)
      .then((e) => setWithheld(e === null))
      .catch(() => undefined); // read again once back online
  }, [entrySeq, refused, status]);
  let problem: ReceiptProblem | undefined = refused ?? (withheld ? "receipt_not_on_board" : undefined);
  if (!problem && pk) {
    const verdict = cast
      ? receiptOnBoard(board, { voteId: props.voteId, seq: cast.seq, code: cast.trackingCode, voterPk: pk.hex(), entryHash: cast.entryHash })
      : receiptOnBoard(board, { voteId: props.voteId, seq: props.seq, code: props.code, voterPk: pk.hex() });
    if (verdict === "receipt_not_on_board") problem = verdict;
  }
  if (problem) return <ReceiptWarning voteId={props.voteId} title={props.title} problem={problem} />;
  return <Receipt voteId={props.voteId} title={props.title} code={props.code} seq={props.seq} fresh={props.fresh} />;
}
