// The hall's big screen (enrolled with the projector role; read-only): the sitting, present
// against seated, quorum or shortfall, the current item, the open vote's progress bar, and the
// decided votes with bar charts and the elected names.
import { useEffect } from "preact/hooks";
import { useSignal } from "./hooks";
import { label, t } from "./i18n";
import { VoteResult } from "./results";
import { Attendance, type AppProps, startApp } from "./ui";

function Screen({ client }: AppProps) {
  const state = useSignal(client.state);
  useEffect(() => {
    void client.subscribe(["state", "results"]);
  }, []);
  if (!state || !state["sitting"]) return <p class="muted huge">{t("no_sitting")}</p>;
  const s = state["sitting"];
  const agenda = (state["agenda"] ?? []) as any[];
  const current = agenda.find((i) => i.id === state["current_item"]);
  const votes = (state["votes"] ?? []) as any[];
  const open = votes.filter((v) => v.status === "open" || v.status === "closed");
  const decided = votes.filter((v) => v.status === "decided");
  // The results of the current item's votes (an item may hold several, as an appraisal and a
  // confidence vote); with none, the last decided vote.
  const shown = decided.filter((v) => v.item_id === state["current_item"]);
  if (shown.length === 0 && decided.length > 0) shown.push(decided[decided.length - 1]);
  return (
    <div class="screen">
      <h2 class="sitting-title" data-testid="screen-title">
        {s.title} <span class="tag">{t(`sitting_status_${s.status}`)}</span>
      </h2>
      <Attendance state={state} big />
      {current && (
        <p class="current-item" data-testid="screen-current">
          {label("current_item")}{current.title}
        </p>
      )}
      {open.map((v) => {
        const pct = v.eligible ? Math.round((100 * v.received) / v.eligible) : 0;
        return (
          <div class="big-progress" data-testid={`screen-progress-${v.id}`}>
            <p>
              {v.title} · {t(`vote_status_${v.status}`)} · {t("progress_of", { received: v.received, eligible: v.eligible })}
            </p>
            <div class="bar-track big" role="progressbar" aria-valuemin={0} aria-valuemax={v.eligible} aria-valuenow={v.received}>
              <span class="bar-fill" style={{ width: `${pct}%` }} />
            </div>
          </div>
        );
      })}
      {shown.map((v) => (
        <VoteResult vote={v} />
      ))}
    </div>
  );
}

void startApp("app_screen", "device:screen", Screen);
