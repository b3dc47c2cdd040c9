// Guarded actions for the chair's console and the secretary's desk: a button that acts at most
// once per tap, shows its own success or error right beside it, and — for an irreversible
// step — first asks in a dialog that names the consequence.
//
// The guard: a control is inert for SETTLE_MS after it appears or after the action it stands
// for changes (so a second tap never lands on a different action that took its place), and
// every guarded control on the page is inert while an action is in flight and for SETTLE_MS
// after its reply (the state change it caused).
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useSignal } from "./hooks";
import { t } from "./i18n";
import { signal } from "./signal";
import { errorText } from "./ui";

/** How long a control stays inert after a state change, in ms. */
export const SETTLE_MS = 1000;

// The time until which every guarded control is inert, and whether an action is in flight.
const quietUntil = signal(0);
const inFlight = signal(0);

function holdAll(ms: number): void {
  const until = Date.now() + ms;
  if (until > quietUntil.get()) quietUntil.set(until);
  window.setTimeout(() => quietUntil.set(quietUntil.get()), ms + 20);
}

/**
 * Whether a control standing for `actionKey` may act now: false during the first SETTLE_MS
 * after the key first appeared or changed, while any guarded action is in flight, and during
 * the quiet time after one. Re-renders the caller when that changes.
 */
export function useArmed(actionKey: string): boolean {
  const since = useRef<{ key: string; at: number } | null>(null);
  if (!since.current || since.current.key !== actionKey) since.current = { key: actionKey, at: Date.now() };
  const armedAt = since.current.at + SETTLE_MS;
  const quiet = useSignal(quietUntil);
  const busy = useSignal(inFlight);
  const [, tick] = useState(0);
  const now = Date.now();
  const wakeAt = Math.max(armedAt, quiet);
  useEffect(() => {
    if (wakeAt <= Date.now()) return;
    const timer = window.setTimeout(() => tick((n) => n + 1), wakeAt - Date.now() + 10);
    return () => clearTimeout(timer);
  }, [wakeAt]);
  return busy === 0 && now >= wakeAt;
}

/** What a confirmation dialog says: its question and the consequence of going ahead. */
export interface Confirmation {
  title: string;
  consequence: string;
  /** The confirming button's text (default: the control's label). */
  confirmLabel?: string;
}

/** Props of an ActionButton. */
export interface ActionButtonProps {
  /** The button's text. */
  label: ComponentChildren;
  /** What the button does; a rejection is shown beside it, translated. */
  action: () => Promise<unknown>;
  /** Names the action the control stands for (e.g. "close_vote:S1-V2"); a change re-arms the guard. */
  actionKey: string;
  /** Shown beside the button after success ("已结束投票"); none when omitted. */
  done?: string;
  /** Ask first, naming the consequence. */
  confirm?: Confirmation;
  disabled?: boolean;
  class?: string;
  testid?: string;
  /** The test id of the outcome line (default `${testid}-done`): stable where the action changes. */
  doneTestid?: string;
  /** Text under the button (why it is disabled, what happens next). */
  note?: ComponentChildren;
}

/**
 * A guarded action button with its own success and error line. With `confirm`, the first tap
 * opens a modal dialog (cancel focused) whose confirming button is itself inert for SETTLE_MS.
 */
export function ActionButton(props: ActionButtonProps) {
  const armed = useArmed(props.actionKey);
  // The action key the open dialog asks about: a dialog never outlives the action it names.
  const [askedFor, setAskedFor] = useState<string | null>(null);
  const asking = askedFor !== null && askedFor === props.actionKey;
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; key: string } | null>(null);
  const [mine, setMine] = useState(false);
  // A success note fades after a while; an error stays until the next attempt.
  useEffect(() => {
    if (!outcome?.ok) return;
    const timer = window.setTimeout(() => setOutcome(null), 8000);
    return () => clearTimeout(timer);
  }, [outcome]);
  async function go() {
    const done = props.done;
    const key = props.actionKey;
    setAskedFor(null);
    setOutcome(null);
    setMine(true);
    inFlight.set(inFlight.get() + 1);
    try {
      await props.action();
      setOutcome(done ? { ok: true, text: done, key } : null);
    } catch (e) {
      setOutcome({ ok: false, text: errorText(e), key });
    } finally {
      inFlight.set(inFlight.get() - 1);
      setMine(false);
      holdAll(SETTLE_MS);
    }
  }
  const disabled = !!props.disabled || !armed;
  return (
    <div class="action">
      <button
        type="button"
        class={`${props.class ?? ""}${mine ? " working" : ""}${!props.disabled && !armed ? " settling" : ""}`}
        disabled={disabled}
        aria-busy={mine}
        onClick={() => (props.confirm ? setAskedFor(props.actionKey) : void go())}
        data-testid={props.testid}
        data-action={props.actionKey}
      >
        {props.label}
      </button>
      {props.note && <div class="action-note muted">{props.note}</div>}
      <div class="action-outcome" aria-live="polite">
        {outcome?.ok && (
          <span class="action-done" role="status" data-testid={props.doneTestid ?? (props.testid ? `${props.testid}-done` : undefined)}>
            ✓ {outcome.text}
          </span>
        )}
        {outcome && !outcome.ok && (
          <span class="action-error error" role="alert" data-testid="error">
            {outcome.text}
          </span>
        )}
      </div>
      {asking && props.confirm && <ConfirmDialog confirmation={props.confirm} label={props.label} onCancel={() => setAskedFor(null)} onConfirm={() => void go()} />}
    </div>
  );
}

let dialogSerial = 0;

/** The modal question: the consequence in words, 取消 focused, the confirming button armed late. */
function ConfirmDialog(props: { confirmation: Confirmation; label: ComponentChildren; onCancel: () => void; onConfirm: () => void }) {
  const [id] = useState(() => `confirm-${++dialogSerial}`);
  const armed = useArmed(id);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") props.onCancel();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const c = props.confirmation;
  return (
    <div class="dialog-backdrop" data-testid="confirm-backdrop">
      <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} data-testid="confirm-dialog">
        <h2 id={`${id}-title`}>{c.title}</h2>
        <p id={`${id}-text`} class="consequence" data-testid="confirm-consequence">
          {c.consequence}
        </p>
        <div class="dialog-buttons">
          <button type="button" ref={cancel} onClick={props.onCancel} data-testid="confirm-cancel">
            {t("confirm_cancel")}
          </button>
          <button type="button" class="primary" disabled={!armed} onClick={props.onConfirm} data-testid="confirm-ok">
            {c.confirmLabel ?? props.label}
          </button>
        </div>
      </div>
    </div>
  );
}
