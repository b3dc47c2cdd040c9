// A delegate's receipt for one vote: the short tracking code in large print, a QR code that
// opens the public tracking-code page with this code to find, and where to look it up.
import qrcode from "qrcode-generator";
import { label, t } from "./i18n";
import { codesPageUrl } from "./tracking";

/** The SVG of a QR code holding `text`. */
export function QrCode(props: { text: string; label: string }) {
  const qr = qrcode(0, "M");
  qr.addData(props.text);
  qr.make();
  return <span class="qr" role="img" aria-label={props.label} dangerouslySetInnerHTML={{ __html: qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true }) }} />;
}

/**
 * The receipt of `voteId`: `code` in display form, `seq` the board entry of the ballot.
 * `fresh` when it was just cast on this page (says so), else it is a ballot cast earlier.
 */
export function Receipt(props: { voteId: string; title: string; code: string; seq?: number; fresh: boolean }) {
  const url = codesPageUrl(props.voteId, props.code);
  return (
    <section class="card receipt" data-testid="receipt">
      <h2>
        {t("receipt_title")} · {props.title}
      </h2>
      <p class="verdict pass big-verdict">✔ {props.fresh ? t("receipt_ok") : t("already_voted")}</p>
      <div class="receipt-body">
        <div>
          <p class="receipt-label">{t("ballot_tracking")}</p>
          <p class="code big-code" data-testid="receipt-code">
            {props.code}
          </p>
          {props.seq !== undefined && (
            <p class="muted small">
              {label("receipt_seq")}
              {props.seq}
            </p>
          )}
        </div>
        <QrCode text={url} label={t("receipt_qr")} />
      </div>
      <p>{t("receipt_lookup")}</p>
      <p>
        <a href={url} target="_blank" rel="noopener" data-testid="receipt-lookup">
          {t("codes_open")}
        </a>
      </p>
    </section>
  );
}
