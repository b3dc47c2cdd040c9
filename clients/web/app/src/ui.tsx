// Pieces every hall app shares: start-up (libsodium, the stored device key, the connection),
// the header with connection status and language switch, device enrollment (typed or by
// camera QR), error text, and the attendance/quorum figures.
import type { ComponentChildren, FunctionComponent } from "preact";
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import jsQR from "jsqr";
import { PublicKey, SecretKey, ready } from "../../src/crypto/index.js";
import { PlenumClient, ProtocolError, defaultUrl, townshipParam } from "./client";
import { useSignal } from "./hooks";
import { LANGS, LANG_NAMES, has, lang, listSep, setLang, t } from "./i18n";
import { canonicalEnrollCode, parseEnrollText } from "./enroll_text";
import { deleteBytes, loadBytes, loadCongressPin, saveBytes, saveCongressPin } from "./keystore";
import { TrustStop } from "./trust_view";

/** What an app's root component receives. */
export interface AppProps {
  client: PlenumClient;
}

/** Text for a failure: the translated error code when there is one. */
export function errorText(e: unknown): string {
  if (e instanceof ProtocolError) return t("error", { msg: has(`err_${e.code}`) ? t(`err_${e.code}`) : t("err_unknown", { code: e.code }) });
  return t("error", { msg: e instanceof Error ? e.message : String(e) });
}

/**
 * Boots an app: loads libsodium and the device key stored under `keyName` (per township when the
 * page names one), connects to `wsPath` (default: the page's congress), and renders `Root` into
 * #app (the enrollment form while the device has no accepted key).
 */
export async function startApp(titleKey: string, baseKeyName: string, Root: FunctionComponent<AppProps>, wsPath?: string): Promise<void> {
  await ready();
  setLang(lang.get());
  const township = wsPath ? null : townshipParam();
  const keyName = township ? `${baseKeyName}@${township}` : baseKeyName;
  const stored = await loadBytes(keyName).catch(() => null);
  const key = stored ? SecretKey.fromBytes(stored) : null;
  const pinned = await loadCongressPin(keyName).catch(() => null);
  const client = new PlenumClient(defaultUrl(wsPath));
  client.start(key, { pinned: pinned ? PublicKey.fromBytes(pinned) : null, save: (pk) => saveCongressPin(keyName, pk.bytes()) });
  (window as any).plenum = client;
  render(<Shell titleKey={titleKey} keyName={keyName} client={client} Root={Root} />, document.getElementById("app")!);
}

function Shell(props: { titleKey: string; keyName: string; client: PlenumClient; Root: FunctionComponent<AppProps> }) {
  const { client, Root } = props;
  useSignal(lang);
  const who = useSignal(client.identity);
  const authError = useSignal(client.authError);
  const failure = useSignal(client.trustFailure);
  const needsEnroll = !who && (authError !== null || !client.devicePk());
  useEffect(() => {
    document.title = `${t(props.titleKey)} · ${t("app_title")}`;
  });
  return (
    <div class="shell">
      <Header titleKey={props.titleKey} client={client} />
      <main>{failure ? <TrustStop failure={failure} /> : needsEnroll ? <Enroll client={client} keyName={props.keyName} /> : who ? <Root client={client} /> : <p class="muted">{t("conn_connecting")}</p>}</main>
    </div>
  );
}

/** Title, who is signed in, connection status and language buttons. */
export function Header(props: { titleKey: string; client: PlenumClient }) {
  const status = useSignal(props.client.status);
  const switching = useSignal(props.client.switching);
  const who = useSignal(props.client.identity);
  const current = useSignal(lang);
  // Lost and trying the hall's other machine: said so, in place of "reconnecting".
  const text = switching && (status === "offline" || status === "connecting") ? t("conn_switching") : t(`conn_${status}`);
  return (
    <header class="top">
      <h1>{t(props.titleKey)}</h1>
      <span class={`conn conn-${status === "connecting" && switching ? "offline" : status}`} role="status" data-testid="conn">
        {text}
      </span>
      {who && (
        <span class="who" data-testid="who">
          {who.person} · {who.roles.map((r) => t(`role_${r}`)).join(listSep())}
        </span>
      )}
      <nav class="langs" aria-label={t("language")}>
        {LANGS.map((l) => (
          <button type="button" class={l === current ? "lang on" : "lang"} aria-pressed={l === current} onClick={() => setLang(l)} data-testid={`lang-${l}`}>
            {LANG_NAMES[l]}
          </button>
        ))}
      </nav>
    </header>
  );
}

function Enroll(props: { client: PlenumClient; keyName: string }) {
  const fromHash = parseEnrollText(location.hash);
  // Why this device must enroll again (its key was replaced, or is unknown to the server).
  const authError = useSignal(props.client.authError);
  const [person, setPerson] = useState(fromHash?.person ?? "");
  const [code, setCode] = useState(fromHash?.code ?? "");
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState("");
  const [scanning, setScanning] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErr("");
    const key = SecretKey.generate();
    try {
      await props.client.enroll(person.trim(), canonicalEnrollCode(code), key);
      await saveBytes(props.keyName, key.raw);
      history.replaceState(null, "", location.pathname + location.search);
    } catch (x) {
      setErr(errorText(x));
      await deleteBytes(props.keyName).catch(() => undefined);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card enroll">
      <h2>{t("enroll_title")}</h2>
      {authError && (
        <p class="error" role="alert" data-testid="auth-error">
          {has(`err_${authError}`) ? t(`err_${authError}`) : t("err_unknown", { code: authError })}
        </p>
      )}
      <p>{t("enroll_hint")}</p>
      <form onSubmit={submit}>
        <label>
          {t("enroll_person")}
          <input name="person" value={person} onInput={(e) => setPerson(e.currentTarget.value)} autoComplete="off" required />
        </label>
        <label>
          {t("enroll_code")}
          <input name="code" value={code} onInput={(e) => setCode(e.currentTarget.value)} autoComplete="off" autoCapitalize="characters" required />
        </label>
        <div class="row">
          <button type="submit" class="primary" disabled={busy} data-testid="enroll-submit">
            {t("enroll_submit")}
          </button>
          <button type="button" onClick={() => setScanning(!scanning)}>
            {scanning ? t("enroll_scan_stop") : t("enroll_scan")}
          </button>
        </div>
      </form>
      {scanning && (
        <QrScanner
          onText={(text) => {
            const p = parseEnrollText(text);
            if (!p) return;
            setPerson(p.person);
            setCode(p.code);
            setScanning(false);
          }}
          onError={() => {
            setErr(t("enroll_camera_error"));
            setScanning(false);
          }}
        />
      )}
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      <p class="muted small">{t("key_note")}</p>
    </section>
  );
}

/** The rear camera, decoded with jsQR a few times a second until a code is read. */
function QrScanner(props: { onText: (text: string) => void; onError: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    const canvas = document.createElement("canvas");
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: "environment" } })
      .then((s) => {
        stream = s;
        video.current!.srcObject = s;
        void video.current!.play();
        timer = window.setInterval(() => {
          const v = video.current;
          if (!v || v.videoWidth === 0) return;
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          const ctx = canvas.getContext("2d")!;
          ctx.drawImage(v, 0, 0);
          const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(img.data, img.width, img.height);
          if (found) props.onText(found.data);
        }, 250);
      })
      .catch(() => props.onError());
    if (!navigator.mediaDevices) props.onError();
    return () => {
      clearInterval(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);
  return <video ref={video} class="scanner" muted playsInline />;
}

/** Seated / present / quorum figures of a public state. */
export function Attendance(props: { state: Record<string, any>; big?: boolean }) {
  const s = props.state;
  const q = s["quorum"] ?? {};
  return (
    <div class={props.big ? "attendance big" : "attendance"} data-testid="attendance">
      <div class="figure">
        <span class="label">{t("seated")}</span>
        <span class="value">{s["seated"] ?? 0}</span>
      </div>
      <div class="figure">
        <span class="label">{t("present")}</span>
        <span class="value">{s["present"] ?? 0}</span>
      </div>
      <div class="figure">
        <span class="label">{t("quorum")}</span>
        <span class="value">{q["required"] ?? 0}</span>
      </div>
      <div class={q["holds"] ? "quorum ok" : "quorum short"}>{q["holds"] ? t("quorum_holds") : t("quorum_short", { n: q["shortfall"] ?? 0 })}</div>
    </div>
  );
}

/** A titled box. */
export function Card(props: { title?: string; children: ComponentChildren; testid?: string; class?: string }) {
  return (
    <section class={`card ${props.class ?? ""}`} data-testid={props.testid}>
      {props.title && <h2>{props.title}</h2>}
      {props.children}
    </section>
  );
}

/** Runs an async action and shows its error under the caller's control. */
export function useAction(): [string, boolean, (fn: () => Promise<unknown>) => Promise<void>] {
  const [err, setErr] = useState("");
  const [busy, setBusy] = useState(false);
  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setErr("");
    try {
      await fn();
    } catch (e) {
      setErr(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return [err, busy, run];
}

/** The label of a manifest option in the current language (by its id), else the manifest's. */
export function optionLabel(optionId: string, fallback: string): string {
  return has(`opt_${optionId}`) ? t(`opt_${optionId}`) : fallback;
}
