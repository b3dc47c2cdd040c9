// Which machine serves the hall and how its standby stands (the public state's `hall` block,
// server/STANDBY.md), for the chair's console and the secretary's desk: nothing with one
// machine; a calm line while the standby is in sync; a warning that names the next step while
// the hall waits for a standby that is out of sync; a notice once the hall runs on one machine.
import { t } from "./i18n";
import "./hall_status.css";

/** The standby's state as the server reports it. */
type Standby = "none" | "in_sync" | "not_in_sync" | "standalone";

/** "https://192.168.1.10:8443" as people read it: "192.168.1.10:8443". */
function shownAddress(address: string): string {
  return address.replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "");
}

/** The hall line for `state` (get_state or a state push); nothing without a `hall` block or
 * with one machine. */
export function HallStatus(props: { state: Record<string, any> | null }) {
  const hall = props.state?.["hall"] as { serving?: unknown; standby?: unknown } | undefined;
  const standby = String(hall?.standby ?? "none") as Standby;
  if (!hall || standby === "none") return null;
  const serving = typeof hall.serving === "string" && hall.serving ? shownAddress(hall.serving) : "";
  const where = serving ? <span class="hall-serving">{t("hall_serving", { address: serving })}</span> : null;
  if (standby === "in_sync")
    return (
      <p class="hall-line calm no-print" data-testid="hall-status" data-standby={standby}>
        <span class="hall-ok">{t("hall_in_sync")}</span>
        {where}
      </p>
    );
  if (standby === "not_in_sync")
    return (
      <section class="hall-warning no-print" role="alert" data-testid="hall-status" data-standby={standby}>
        <h2>{t("hall_not_in_sync_title")}</h2>
        <ol>
          <li>{t("hall_not_in_sync_check")}</li>
          <li>{t("hall_not_in_sync_standalone")}</li>
        </ol>
        {where && <p class="muted">{where}</p>}
      </section>
    );
  if (standby === "standalone")
    return (
      <p class="hall-line notice-line no-print" role="status" data-testid="hall-status" data-standby={standby}>
        <span>{t("hall_standalone")}</span>
        {where}
      </p>
    );
  return null;
}
