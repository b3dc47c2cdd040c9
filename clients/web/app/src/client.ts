// The protocol client of the hall apps (protocol/PROTOCOL.md, version 1): one WebSocket to
// wss://<host>/ws, the hello challenge answered with the device key (auth), requests matched
// to replies by id, pushes (board events checked against their entry hash and the congress
// signature, state, results), and automatic reconnection with back-off, after which the client
// authenticates again and re-subscribes from the next board sequence it has not seen (counted in
// `resubscribed`, for the views the catch-up does not carry to read themselves again). A device
// subscribed to `basis` (protocol/PROTOCOL.md §7) holds the board without the ballots, and reads
// the ballots it needs on demand (readEntry, fillGaps); one subscribed to `course` (a delegate's
// tablet) holds the sitting's course and its own device's events only, past and live. A hall with a standby machine
// (server/STANDBY.md) names its machines in hello's `servers`: on a lost connection the client
// tries them in turn and stays with the one that serves this congress; entries and receipts are
// checked under the signer of their seq (the congress key, then the standby key a verified
// server_handover on the board certifies; crypto/SPEC.md §6).
import {
  PublicKey,
  SecretKey,
  authDigest,
  enrollDigest,
  possessionDigest,
  entryHash,
  fromHex,
  genesisHash,
  handoverDigest,
  systemRandom,
  toHex,
} from "../../src/crypto/index.js";
import type { EventPayloads, EventType } from "./events.gen";
import { withHallServers } from "./hall_addresses";
import { signal } from "./signal";

/** A reply's fields (without v, id, type). */
export type Fields = Record<string, unknown>;

/** An error reply, or a connection lost while waiting for one (code "unavailable"). */
export class ProtocolError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A board event of type K as pushed, its payload parsed and typed by the events' schema
 * (events.gen.ts, generated from the C++ codec's protocol::event_schema()). */
export interface OpenBoardEvent<K extends EventType> {
  seq: number;
  type: K;
  payload: EventPayloads[K];
  entryHash: string;
  /** The entry hash of the event before it, which the chain link checks. */
  prevHash: string;
  sealed?: false;
}

/** A sealed event (a result under embargo, protocol/PROTOCOL.md §7): its payload is empty until
 * the chair announces the result; the client then reads it again and checks it against the
 * entry hash it already holds. */
export interface SealedBoardEvent<K extends EventType> {
  seq: number;
  type: K;
  payload: Partial<EventPayloads[K]>;
  entryHash: string;
  prevHash: string;
  sealed: true;
}

/** A board event: `type` narrows `payload` to that event's members. */
export type BoardEvent = { [K in EventType]: OpenBoardEvent<K> | SealedBoardEvent<K> }[EventType];

/** Why the client stopped for good: the server contradicted what the client checks itself
 * (protocol/PROTOCOL.md §8b). `seq` names the board entry at fault. Each code has a text
 * `trust_<code>` in the string tables. */
export interface TrustFailure {
  code: "congress_key_changed" | "board_event_invalid" | "board_chain_broken" | "handover_invalid" | "signing_key_uncertified";
  seq?: number;
}

/** The congress key pinned at enrollment, kept beside the device key (keystore.ts). */
export interface CongressPin {
  /** The pinned key, or null before the first enrollment. */
  pinned: PublicKey | null;
  /** Keeps `pk` as the pinned key (called once the server accepted an enrollment). */
  save(pk: PublicKey): Promise<void>;
}

/** What the connection is doing, for the status line. */
export type ConnStatus = "connecting" | "online" | "offline" | "stopped";

/** Who the device authenticated as. */
export interface Identity {
  person: string;
  roles: string[];
}

/** The push topics: `board` every event, `basis` every one but the ballots, `course` the
 * sitting's course and this device's own events (the three exclusive). */
type Topic = "board" | "basis" | "course" | "state" | "results";

interface Pending {
  resolve: (f: Fields) => void;
  reject: (e: ProtocolError) => void;
}

/** Why a hall address was not used: it serves another congress, or it is the standby. */
export type AddressRefusal = "other_congress" | "not_serving";

/** A hall machine must answer with hello within this long, or the next one is tried (long
 * enough for a busy server's TLS handshakes when a whole hall reconnects at once). */
const HELLO_TIMEOUT_MS = 10_000;
/** While connected the client pings this often, and drops a connection that does not answer
 * within PING_TIMEOUT_MS: a machine that lost its power closes no socket. A dead machine is thus
 * left within 30 s; a ping is answered at once even while commits wait for the standby. */
const PING_EVERY_MS = 15_000;
const PING_TIMEOUT_MS = 15_000;

/** The prev_hash of the board's first entry. */
const GENESIS_HEX = toHex(genesisHash());

const PRE_AUTH = new Set(["ping", "enroll", "auth", "get_board"]);

/** The township a page was opened for (`?township=ID`, server/README.md "Townships and the
 * county"), or null for the server's default congress. */
export function townshipParam(): string | null {
  const id = new URLSearchParams(location.search).get("township");
  return id && /^[a-z0-9-]{1,32}$/.test(id) ? id : null;
}

/** The default endpoint: the page's own host, and the township's path when the page names one. */
export function defaultUrl(path?: string): string {
  const scheme = location.protocol === "http:" ? "ws" : "wss";
  const township = townshipParam();
  return `${scheme}://${location.host}${path ?? (township ? `/ws/township/${township}` : "/ws")}`;
}

/**
 * One protocol connection, kept alive across network losses. Not shared between pages.
 * Requests sent while disconnected wait for the next authenticated connection (or for the
 * socket, for enroll/auth/ping/get_board); requests in flight when the socket drops fail with
 * code "unavailable" (the caller decides whether to retry: a cast ballot is idempotent).
 */
export class PlenumClient {
  readonly status = signal<ConnStatus>("connecting");
  readonly identity = signal<Identity | null>(null);
  /** The latest `state` (push or get_state). */
  readonly state = signal<Record<string, any> | null>(null);
  /** Every board event seen, in sequence order: without gaps under the `board` topic; under
   * `basis` without the ballots (the gaps in seq) but those read on demand. */
  readonly board = signal<BoardEvent[]>([]);
  /** Set when an auth attempt failed with this code (unknown_device_key, key_revoked, …). */
  readonly authError = signal<string | null>(null);
  /** Set when the client stopped because the server lied; the apps show it in place of all else. */
  readonly trustFailure = signal<TrustFailure | null>(null);
  /** True from losing a connection until a machine of the hall serves again, when the hall has
   * more than one machine: the apps then say that the device is switching to the other one. */
  readonly switching = signal(false);
  /** The WebSocket address in use or being tried. */
  readonly address = signal("");
  /** Hall addresses this page did not stay with, and why (the latest reason per address). */
  readonly refusedAddresses = signal<ReadonlyMap<string, AddressRefusal>>(new Map());
  /** How many times the subscription was made again on a new connection after a lost one
   * (counted once its catch-up is read and it is live). The catch-up carries what the topics
   * replay; under `course` that is the sitting's course only, so a view read on demand (a
   * delegate's proposals, contacts, opinions, groups) reads itself again when this changes. */
  readonly resubscribed = signal(0);

  congressId = "";
  congressPk: PublicKey | null = null;
  /** The key (hex) the serving machine's hello says signs new entries and receipts, null when
   * the hello does not say. Never relied on: checkSigner compares it with the board's signer. */
  signingPk: string | null = null;
  /** The standby key a verified server_handover on the board certifies, and that handover's
   * seq: the signer of every entry from it on. */
  private standby: { pk: PublicKey; seq: number } | null = null;
  /** server clock − local clock, in ms, from hello and ping. */
  clockOffset = 0;

  private ws: WebSocket | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private waiting: Array<() => void> = [];
  private socketWaiting: Array<() => void> = [];
  private serverNonce: Uint8Array | null = null;
  private key: SecretKey | null = null;
  private topics: Topic[] = [];
  /** What a subscription's past is read as: the whole selection of its topics, or under
   * `course` only the sitting's course (get_board `only: "course"`, protocol/PROTOCOL.md §8b). */
  private past: "topics" | "course" = "topics";
  /** The subscription: none made yet, live on the connection in use, or lost with a connection
   * (made again, it counts in resubscribed). */
  private subscription: "none" | "live" | "lost" = "none";
  /** Whether readRoster has read (or is reading) the roster events a course past leaves out. */
  private rosterRead = false;
  /** The seq after the last event of the subscribed stream (pushes and catch-up pages). */
  private nextSeq = 0;
  private backoff = 500;
  /** The hall's addresses: the page's own, then those hello's `servers` name. */
  private addresses: string[];
  /** The index in `addresses` of the one in use or being tried. */
  private at = 0;
  /** Addresses tried without success since the last connection that served. */
  private failedInRound = 0;
  /** The socket whose hello was accepted (this congress, serving). */
  private goodSocket: WebSocket | null = null;
  private helloTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private authed = false;
  private pin: CongressPin = { pinned: null, save: async () => undefined };

  constructor(private readonly url: string = defaultUrl()) {
    this.addresses = [url];
  }

  /** The hall's WebSocket addresses known so far, the page's own first. */
  hallAddresses(): readonly string[] {
    return this.addresses;
  }

  /** The key that signs board entry `seq` and its receipt (crypto/SPEC.md §6): the congress
   * key before a verified server_handover on the board, the standby key it certifies from it
   * on. Null before the first hello. */
  signerOf(seq: number): PublicKey | null {
    return this.standby && seq >= this.standby.seq ? this.standby.pk : this.congressPk;
  }

  /** The standby key a verified server_handover on the board certifies, or null. */
  standbyKey(): PublicKey | null {
    return this.standby?.pk ?? null;
  }

  /** The signer of a receipt for board entry `seq`: as signerOf, once the board has been read
   * up to `seq` (a handover before it is then held). */
  async receiptSigner(seq: number): Promise<PublicKey | null> {
    if (seq >= this.nextSeq && this.boardTopic() && !this.stopped) {
      await this.catchUpBoard().catch(() => undefined);
    }
    return this.signerOf(seq);
  }

  /** Starts connecting; `key` (may be null until enrollment) answers the hello challenges;
   * `pin` holds the congress key learned at enrollment, which every hello must name. */
  start(key: SecretKey | null, pin?: CongressPin): void {
    this.key = key;
    if (pin) this.pin = pin;
    this.connect();
  }

  /** Uses `key` from now on, authenticating at once when connected. */
  async useKey(key: SecretKey): Promise<Identity> {
    this.key = key;
    return this.authenticate();
  }

  /** The device's signing key, if it has one (for ballots, check-in and ceremony messages). */
  secretKey(): SecretKey | null {
    return this.key;
  }

  /** The device's public key, if it has one. */
  devicePk(): PublicKey | null {
    return this.key ? this.key.publicKey() : null;
  }

  /** The server's clock now, as well as the client knows it. */
  serverNow(): number {
    return Date.now() + this.clockOffset;
  }

  /** Subscribes to `topics` (kept across reconnects). Under `course` (a delegate's tablet) the
   * board's past and its live pushes are the sitting's course only: the votes, the key
   * ceremonies, the appointed scrutineers' enrollments and this device's own events, never one
   * event per other delegate. */
  async subscribe(topics: Topic[]): Promise<void> {
    this.topics = topics;
    this.past = topics.includes("course") ? "course" : "topics";
    await this.doSubscribe().catch((e) => {
      if (!this.stopped) throw e; // a client stopped on a lie has nothing left to subscribe to
    });
  }

  /** Sends a request and resolves with the ok reply's fields; rejects with ProtocolError. */
  async request(type: string, fields: Fields = {}): Promise<Fields> {
    if (PRE_AUTH.has(type)) await this.whenSocket();
    else await this.whenAuthed();
    return this.send(type, fields);
  }

  /** enroll with the card's person number and code, then auth. The key must be fresh. */
  async enroll(person: string, code: string, key: SecretKey): Promise<Identity> {
    await this.whenSocket();
    const canonical = code.toUpperCase().replace(/[\s-]/g, "");
    const sig = key.sign(enrollDigest(this.congressId, person, canonical, key.publicKey()));
    // Kept in the record: proof that this device made its key (crypto/SPEC.md §2).
    const possession = key.sign(possessionDigest(this.congressId, person, key.publicKey()));
    await this.send("enroll", { person, code, device_pk: key.publicKey().hex(), signature: toHex(sig), possession: toHex(possession) });
    if (this.congressPk) {
      this.pin.pinned = this.congressPk;
      await this.pin.save(this.congressPk);
    }
    return this.useKey(key);
  }

  /** Fetches get_state into `state`. */
  async refreshState(): Promise<Record<string, any>> {
    const r = await this.request("get_state");
    const s = r["state"] as Record<string, any>;
    this.state.set(s);
    return s;
  }

  /** Reads the public board up to its current end into `board`, checked as pushes are; needs
   * no key (`get_board` is public): for pages that only read, as the tracking-code page. */
  async readBoard(): Promise<void> {
    await this.whenSocket();
    await this.catchUpBoard();
  }

  /** The board entry at `seq`, read now if `board` does not hold it (a ballot left out of the
   * basis) and kept there once its entry hash, congress signature and chain links to the
   * entries held beside it check; null when the server has no entry at `seq`. A failed check
   * stops the client as a failed push does. */
  async readEntry(seq: number): Promise<BoardEvent | null> {
    const held = this.board.get().find((x) => x.seq === seq);
    if (held) return held;
    await this.whenSocket();
    const r = await this.send("get_board", { from_seq: seq, limit: 1 });
    const e = ((r["events"] as Record<string, any>[] | undefined) ?? [])[0];
    if (!e || Number(e["seq"]) !== seq) return null;
    return this.insertEvent(e);
  }

  /** Keeps board entry `e` that a reply carried (the cast_ballot reply's `entry`), checked and
   * kept as readEntry keeps what it reads; a failed check stops the client. The entry `board`
   * holds at its seq when it held one, null on a failed check. */
  keepEntry(e: Record<string, any>): BoardEvent | null {
    const held = this.board.get().find((x) => x.seq === Number(e["seq"]));
    return held ?? this.insertEvent(e);
  }

  /** Reads the entries from `from` up to `to` (exclusive; the board's durable end when not
   * given) that `board` does not hold — the ballots of a `basis` board — in get_board pages,
   * each checked and kept as readEntry does. */
  async fillGaps(from: number, to: number = Infinity): Promise<void> {
    const PAGE = 500;
    await this.whenSocket();
    for (;;) {
      const held = new Set(this.board.get().map((x) => x.seq));
      let start = from;
      while (start < to && held.has(start)) ++start;
      if (start >= to) return;
      const limit = Math.min(PAGE, to - start);
      const r = await this.send("get_board", { from_seq: start, limit });
      const page = (r["events"] as Record<string, any>[] | undefined) ?? [];
      // What the board holds now: a push or another read may have added entries meanwhile.
      const now = new Set(this.board.get().map((x) => x.seq));
      for (const e of page) {
        const seq = Number(e["seq"]);
        if (seq >= to) return;
        if (now.has(seq)) continue;
        if (!this.insertEvent(e)) return;
        now.add(seq);
      }
      if (page.length < limit) return;
      from = Number(page[page.length - 1]!["seq"]) + 1;
    }
  }

  /** Under a course past: reads the roster (`roster_imported`, a line per person, no part of
   * the course) on demand, in basis pages from seq 0, each event checked and kept as readEntry
   * does — for a form that names other delegates, once per page load. */
  async readRoster(): Promise<void> {
    if (this.past !== "course" || this.rosterRead) return;
    this.rosterRead = true;
    const PAGE = 500;
    try {
      await this.whenSocket();
      for (let from = 0; ; ) {
        const r = await this.send("get_board", { from_seq: from, limit: PAGE, only: "basis" });
        const page = (r["events"] as Record<string, any>[] | undefined) ?? [];
        for (const e of page) {
          const seq = Number(e["seq"]);
          if (e["type"] === "roster_imported" && !this.board.get().some((x) => x.seq === seq) && !this.insertEvent(e)) return;
        }
        if (page.length < PAGE) return;
        from = Number(page[page.length - 1]!["seq"]) + 1;
      }
    } catch (e) {
      this.rosterRead = false;
      throw e;
    }
  }

  /** Stops for good (tests, page unload). */
  stop(): void {
    this.stopped = true;
    this.ws?.close();
  }

  private connect(): void {
    if (this.stopped) return;
    this.status.set("connecting");
    const address = this.addresses[this.at] ?? this.url;
    this.address.set(address);
    const ws = new WebSocket(address);
    this.ws = ws;
    ws.onmessage = (ev) => this.onFrame(ws, String(ev.data));
    ws.onclose = () => this.onClose(ws);
    ws.onerror = () => ws.close();
    this.helloTimer = setTimeout(() => {
      if (this.goodSocket !== ws) this.drop(ws);
    }, HELLO_TIMEOUT_MS);
  }

  /** Gives up on `ws` at once (no hello in time, a ping unanswered, another congress, the
   * standby): handled as a closed socket, without waiting for the close handshake. */
  private drop(ws: WebSocket): void {
    this.onClose(ws);
    ws.close();
  }

  /** Remembers why `address` was not used. */
  private refuseAddress(address: string, why: AddressRefusal): void {
    this.refusedAddresses.set(new Map([...this.refusedAddresses.get(), [address, why]]));
  }

  private onClose(ws: WebSocket): void {
    if (this.ws !== ws) return;
    const served = this.goodSocket === ws;
    this.ws = null;
    this.goodSocket = null;
    this.authed = false;
    if (this.subscription === "live") this.subscription = "lost";
    this.serverNonce = null;
    if (this.helloTimer) clearTimeout(this.helloTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.helloTimer = this.pingTimer = null;
    for (const [, p] of this.pending) p.reject(new ProtocolError("unavailable", "connection lost"));
    this.pending.clear();
    this.status.set(this.trustFailure.get() ? "stopped" : "offline");
    if (this.stopped) return;
    // The one it was on first, then the others in turn; the back-off after a full round.
    let delay: number;
    if (served) {
      this.failedInRound = 0;
      if (this.addresses.length > 1) this.switching.set(true);
      delay = 300 * (0.75 + Math.random() / 2);
    } else {
      this.failedInRound += 1;
      this.at = (this.at + 1) % this.addresses.length;
      if (this.failedInRound >= this.addresses.length) {
        this.failedInRound = 0;
        delay = this.backoff * (0.75 + Math.random() / 2);
        this.backoff = Math.min(this.backoff * 2, 10_000);
      } else {
        delay = 50;
      }
    }
    setTimeout(() => this.connect(), delay);
  }

  /** Adds the hall's base addresses of hello's `servers` (strings, or objects naming an
   * `address`) to those tried on a lost connection, on this page's WebSocket path. */
  private learnAddresses(servers: unknown): void {
    this.addresses = withHallServers(this.addresses, servers, this.url);
  }

  /** Once the board is read up to the server's end: the signing key the hello names must be
   * the board's signer now (the congress key, or the standby key a verified handover on the
   * board certifies); otherwise the client stops. */
  private checkSigner(): void {
    const signer = this.signerOf(Number.MAX_SAFE_INTEGER);
    if (this.signingPk === null || !signer || this.signingPk === signer.hex()) return;
    this.refuse({ code: "signing_key_uncertified" });
  }

  /** Pings the machine in use every PING_EVERY_MS and drops it when a ping goes unanswered. */
  private startHeartbeat(ws: WebSocket): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (this.ws !== ws) return;
      const late = setTimeout(() => {
        if (this.ws === ws) this.drop(ws);
      }, PING_TIMEOUT_MS);
      this.send("ping", {})
        .then((r) => {
          if (typeof r["server_unix_ms"] === "number") this.clockOffset = r["server_unix_ms"] - Date.now();
        })
        .catch(() => undefined)
        .finally(() => clearTimeout(late));
    }, PING_EVERY_MS);
  }

  private onFrame(ws: WebSocket, text: string): void {
    if (this.ws !== ws) return;
    let msg: Record<string, any>;
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof msg["id"] === "number") {
      const p = this.pending.get(msg["id"]);
      if (!p) return;
      this.pending.delete(msg["id"]);
      const { v: _v, id: _id, type, ...fields } = msg;
      if (type === "ok") p.resolve(fields);
      else p.reject(new ProtocolError(String(msg["code"] ?? "internal"), String(msg["message"] ?? ""), msg["field"]));
      return;
    }
    switch (msg["type"]) {
      case "hello":
        this.onHello(ws, msg);
        break;
      case "board_events":
        for (const e of (msg["events"] as Record<string, any>[] | undefined) ?? []) this.onBoardEvent(e);
        break;
      case "state":
        this.state.set(msg["state"]);
        break;
      case "result":
        break;
    }
  }

  /** Stops for good because the server contradicted what this client checked. */
  private refuse(failure: TrustFailure): void {
    if (!this.trustFailure.get()) this.trustFailure.set(failure);
    this.stop();
  }

  private onHello(ws: WebSocket, msg: Record<string, any>): void {
    const pk = PublicKey.fromHex(String(msg["congress_pk"]));
    const address = this.addresses[this.at] ?? this.url;
    // The congress key is the one pinned at enrollment (or seen earlier on this page): another
    // one is refused before anything is authenticated or read. Another machine of the hall that
    // names another congress is not used; the page's own server doing so stops the client.
    const known = this.pin.pinned ?? this.congressPk;
    const otherKey = !pk || (known !== null && known.hex() !== pk.hex());
    const otherId = this.congressId !== "" && this.congressId !== String(msg["congress_id"]);
    if (address !== this.url && (otherKey || otherId)) {
      this.refuseAddress(address, "other_congress");
      this.drop(ws);
      return;
    }
    if (otherKey) {
      this.refuse({ code: "congress_key_changed" });
      return;
    }
    this.learnAddresses(msg["servers"]);
    if (msg["serving"] === false) {
      // The standby: the hall is served by another of its machines.
      this.refuseAddress(address, "not_serving");
      this.drop(ws);
      return;
    }
    this.goodSocket = ws;
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = null;
    this.startHeartbeat(ws);
    this.failedInRound = 0;
    this.switching.set(false);
    this.congressId = String(msg["congress_id"]);
    this.congressPk = pk!;
    this.signingPk = typeof msg["signing_pk"] === "string" ? msg["signing_pk"].toLowerCase() : null;
    // A device enrolled before keys were pinned pins the key it first authenticates under.
    if (this.key && !this.pin.pinned) {
      this.pin.pinned = pk!;
      void this.pin.save(pk!).catch(() => undefined);
    }
    this.serverNonce = fromHex(String(msg["server_nonce"]), 32);
    this.clockOffset = Number(msg["server_unix_ms"]) - Date.now();
    this.backoff = 500;
    for (const fn of this.socketWaiting.splice(0)) fn();
    if (this.key) {
      this.authenticate().catch(() => {
        /* authError holds the reason */
      });
    } else {
      this.status.set("online");
    }
  }

  private async authenticate(): Promise<Identity> {
    await this.whenSocket();
    const key = this.key!;
    const nonce = this.serverNonce!;
    const clientNonce = new Uint8Array(32);
    systemRandom.fill(clientNonce);
    const pk = key.publicKey();
    const sig = key.sign(authDigest(this.congressId, nonce, clientNonce, pk));
    try {
      const r = await this.send("auth", { device_pk: pk.hex(), client_nonce: toHex(clientNonce), signature: toHex(sig) });
      const who: Identity = { person: String(r["person"]), roles: (r["roles"] as string[]) ?? [] };
      this.authed = true;
      this.authError.set(null);
      this.identity.set(who);
      this.status.set("online");
      if (this.topics.length) {
        const again = this.subscription === "lost";
        await this.doSubscribe();
        if (again) this.resubscribed.set(this.resubscribed.get() + 1);
      }
      await this.refreshState().catch(() => undefined);
      for (const fn of this.waiting.splice(0)) fn();
      return who;
    } catch (e) {
      const code = e instanceof ProtocolError ? e.code : "internal";
      this.authError.set(code);
      this.status.set("online");
      throw e;
    }
  }

  private async doSubscribe(): Promise<void> {
    if (!this.authed) return;
    if (this.boardTopic()) await this.catchUpBoard();
    await this.send("subscribe", { topics: this.topics, since_seq: this.nextSeq });
    this.subscription = "live";
  }

  /** Whether this client holds board events (board, basis or course). */
  private boardTopic(): boolean {
    return this.topics.includes("board") || this.topics.includes("basis") || this.topics.includes("course");
  }

  /** Whether this client holds the board with gaps: without its ballots, or the course only. */
  private basisOnly(): boolean {
    return this.topics.includes("basis") || this.topics.includes("course");
  }

  /** Reads the board's past in get_board pages: a subscription's replay of a long board would
   * overrun the server's send queue for this connection. Stops at a short page. Read as the
   * course, the past ends at the reply's `next_seq` (the events left out are gaps), from which
   * the subscription goes on. */
  private async catchUpBoard(): Promise<void> {
    const PAGE = 500;
    const only = this.past === "course" ? "course" : this.basisOnly() ? "basis" : undefined;
    for (;;) {
      const from = this.nextSeq;
      const r = await this.send("get_board", { from_seq: from, limit: PAGE, ...(only ? { only } : {}) });
      const page = (r["events"] as Record<string, any>[] | undefined) ?? [];
      for (const e of page) this.onBoardEvent(e);
      if (page.length < PAGE || this.nextSeq === from) {
        if (only === "course") this.nextSeq = Math.max(this.nextSeq, Number(r["next_seq"]) || 0);
        if (!this.stopped) this.checkSigner();
        return;
      }
    }
  }

  /** Under a course past: makes sure the board holds the enrollment of every scrutineer the
   * ceremony `started` appointed. A ceremony started after this device joined may appoint a
   * scrutineer enrolled before it, whose enrollment was then no part of the course; the course
   * read again up to the ceremony holds it now, each event checked and kept as readEntry does. */
  private async fillScrutineerEnrollments(started: BoardEvent): Promise<void> {
    const appointed = ((started.payload as Record<string, any>)["scrutineers"] as { person?: unknown }[] | undefined) ?? [];
    const held = () => new Set(this.board.get().filter((e) => e.type === "device_enrolled" && !e.sealed).map((e) => String((e.payload as Record<string, any>)["person"])));
    if (appointed.every((s) => held().has(String(s.person)))) return;
    const PAGE = 500;
    for (let from = 0; from < started.seq; ) {
      const r = await this.send("get_board", { from_seq: from, limit: PAGE, only: "course" });
      const page = (r["events"] as Record<string, any>[] | undefined) ?? [];
      for (const e of page) {
        const seq = Number(e["seq"]);
        if (seq >= started.seq) return;
        if (e["type"] === "device_enrolled" && !this.board.get().some((x) => x.seq === seq) && !this.insertEvent(e)) return;
      }
      if (page.length < PAGE) return;
      from = Number(page[page.length - 1]!["seq"]) + 1;
    }
  }

  /** An event of the subscribed stream: the next one of the board, or under `basis` or `course`
   * the next one after the events left out. */
  private onBoardEvent(e: Record<string, any>): void {
    if (!e || !this.congressPk) return;
    const seq = Number(e["seq"]);
    if (seq < this.nextSeq) return; // a replay overlapping what we have
    if (seq > this.nextSeq && !this.basisOnly()) return; // a whole board has no gaps
    const checked = this.insertEvent(e);
    if (!checked) return;
    this.nextSeq = seq + 1;
    if (checked.type === "ceremony_started" && this.past === "course") void this.fillScrutineerEnrollments(checked).catch(() => undefined);
    if (checked.type === "result_announced" && this.board.get().some((x) => x.sealed)) void this.unsealBoard();
  }

  /**
   * Keeps event `e` in `board` in seq order once its entry hash (unless sealed) and congress
   * signature check, and its chain links where the board holds its neighbours: its prev_hash is
   * the entry hash of the event before it (the genesis hash at seq 0), and the event after it
   * names its entry hash. Stops the client on a failed check; null then, or when it was held.
   */
  private insertEvent(e: Record<string, any>): BoardEvent | null {
    const seq = Number(e["seq"]);
    const events = this.board.get();
    let at = events.length;
    while (at > 0 && events[at - 1]!.seq >= seq) --at;
    if (events[at]?.seq === seq) return null;
    const before = events[at - 1];
    const after = events[at];
    const prev = seq === 0 ? GENESIS_HEX : before?.seq === seq - 1 ? before.entryHash : null;
    if (prev !== null && e["prev_hash"] !== prev) {
      this.refuse({ code: "board_chain_broken", seq });
      return null;
    }
    if (after?.seq === seq + 1 && after.prevHash !== e["entry_hash"]) {
      this.refuse({ code: "board_chain_broken", seq: after.seq });
      return null;
    }
    if (e["type"] === "server_handover") return this.insertHandover(e, at);
    const checked = this.checkedEvent(e);
    if (!checked) {
      this.refuse({ code: "board_event_invalid", seq });
      return null;
    }
    this.board.set([...events.slice(0, at), checked, ...events.slice(at)]);
    return checked;
  }

  /**
   * A server_handover (crypto/SPEC.md §6): kept, and its standby key made the signer from its
   * seq on, only when its entry hash checks, its certificate is the pinned congress key's over
   * handover_digest(the board's congress_id, congress key, standby_pk, from_seq), it stands at
   * or after from_seq, names a key other than the congress key, is the board's only handover,
   * and is itself signed by the standby key. Otherwise the client stops (handover_invalid).
   */
  private insertHandover(e: Record<string, any>, at: number): BoardEvent | null {
    const seq = Number(e["seq"]);
    const congress = this.congressPk;
    const prev = fromHex(String(e["prev_hash"]), 32);
    const sig = fromHex(String(e["signature"]), 64);
    let p: Record<string, any> = {};
    try {
      p = JSON.parse(String(e["payload"]));
    } catch {
      /* checked below */
    }
    const standbyPk = typeof p["standby_pk"] === "string" ? PublicKey.fromHex(p["standby_pk"]) : null;
    const certificate = typeof p["certificate"] === "string" ? fromHex(p["certificate"], 64) : null;
    const fromSeq = Number(p["from_seq"]);
    const created = this.board.get().find((x) => x.seq === 0 && x.type === "congress_created");
    const congressId = created && !created.sealed ? String((created.payload as Record<string, any>)["congress_id"]) : this.congressId;
    const h = prev && e["sealed"] !== true ? entryHash(seq, prev, "server_handover", String(e["payload"])) : null;
    const valid =
      congress !== null &&
      h !== null &&
      sig !== null &&
      toHex(h) === e["entry_hash"] &&
      standbyPk !== null &&
      certificate !== null &&
      Number.isSafeInteger(fromSeq) &&
      seq >= fromSeq &&
      standbyPk.hex() !== congress.hex() &&
      (this.standby === null || this.standby.seq === seq) &&
      congress.verify(handoverDigest(congressId, congress, standbyPk, fromSeq), certificate) &&
      standbyPk.verify(h, sig);
    if (!valid) {
      this.refuse({ code: "handover_invalid", seq });
      return null;
    }
    // Held already: the check above found a second one at another seq.
    const events = this.board.get();
    if (events.some((x) => x.seq > seq)) {
      // Entries after it were checked under the congress key: the board contradicts itself.
      this.refuse({ code: "handover_invalid", seq });
      return null;
    }
    this.standby = { pk: standbyPk!, seq };
    const checked = { seq, type: "server_handover", payload: p, entryHash: String(e["entry_hash"]), prevHash: String(e["prev_hash"]) } as BoardEvent;
    this.board.set([...events.slice(0, at), checked, ...events.slice(at)]);
    return checked;
  }

  /** A board event whose signature by the signer of its seq (and, unless sealed, its entry
   * hash) checks; null otherwise. */
  private checkedEvent(e: Record<string, any>): BoardEvent | null {
    const seq = Number(e["seq"]);
    const prev = fromHex(String(e["prev_hash"]), 32);
    const sig = fromHex(String(e["signature"]), 64);
    const claimed = fromHex(String(e["entry_hash"]), 32);
    const signer = this.signerOf(seq);
    if (!prev || !sig || !claimed || !signer) return null;
    const sealed = e["sealed"] === true;
    const h = sealed ? claimed : entryHash(seq, prev, String(e["type"]), String(e["payload"]));
    if (toHex(h) !== e["entry_hash"] || !signer.verify(h, sig)) return null;
    let payload: Record<string, unknown> = {};
    if (!sealed) {
      try {
        payload = JSON.parse(String(e["payload"]));
      } catch {
        return null;
      }
    }
    // Signed by the congress key over the bytes the server's strict decoder accepted: typed as
    // the schema says (the readers still check every value they rely on).
    return { seq, type: String(e["type"]), payload, entryHash: String(e["entry_hash"]), prevHash: String(e["prev_hash"]), ...(sealed ? { sealed } : {}) } as BoardEvent;
  }

  /** Reads the sealed events again once a result is announced, keeping each only if its
   * payload hashes to the entry hash already chained. Those still under embargo stay sealed. */
  private async unsealBoard(): Promise<void> {
    const sealedSeqs = this.board.get().filter((x) => x.sealed).map((x) => x.seq);
    for (const seq of sealedSeqs) {
      let r: Fields;
      try {
        r = await this.send("get_board", { from_seq: seq, limit: 1 });
      } catch {
        return;
      }
      const e = ((r["events"] as Record<string, any>[] | undefined) ?? [])[0];
      if (!e || e["sealed"] === true) continue;
      const opened = this.checkedEvent(e);
      const events = this.board.get();
      const i = events.findIndex((x) => x.seq === seq);
      if (i < 0) continue;
      if (!opened || events[i]!.entryHash !== opened.entryHash) {
        this.refuse({ code: "board_event_invalid", seq });
        return;
      }
      this.board.set([...events.slice(0, i), opened, ...events.slice(i + 1)]);
    }
  }

  private send(type: string, fields: Fields): Promise<Fields> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      return Promise.reject(new ProtocolError("unavailable", "not connected"));
    }
    const id = this.nextId++;
    return new Promise<Fields>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ v: 1, id, type, ...fields }));
    });
  }

  private whenSocket(): Promise<void> {
    if (this.ws && this.ws.readyState === WebSocket.OPEN && this.serverNonce) return Promise.resolve();
    return new Promise((r) => this.socketWaiting.push(r));
  }

  private whenAuthed(): Promise<void> {
    if (this.authed) return Promise.resolve();
    return new Promise((r) => this.waiting.push(r));
  }
}
