// The delegate's tablet against a server that lies (protocol/PROTOCOL.md §8b): the real plenumd
// with a small sitting set up through plenum-cli (cli_sitting.mjs: secretary, chair, two
// scrutineers and their key ceremony, three delegates checked in), and the tablet of delegate D001 in headless Chromium,
// whose WebSocket frames the test rewrites with Playwright's routeWebSocket. The test holds the
// congress key (<data>/congress.key), so the board events it forges are hash-chained and signed
// as the server's own: a substituted joint key with the election hash recomputed over it, a
// substituted key with the genuine election hash, a reordered manifest, a roster proof whose
// path does not lead to the signed roster_root, a roster_root of another roster, a hello naming another
// congress key, a board entry altered without the congress key, and receipts that are forged,
// name another ballot or another board entry, or carry an entry that holds another ballot; and a standby machine's takeover (crypto/SPEC.md
// §6): a hello naming a signing key no handover certifies, a server_handover whose certificate
// the congress key did not make, and a genuine one (the test certifies a standby key with the
// congress key, puts the handover in place of an event the tablet never reads, and signs every
// later entry and receipt with the standby key). The tablet must refuse each lie with its message on
// screen (a screenshot of each goes to $PLENUM_WEB_ARTIFACTS/lying-server) and never send
// cast_ballot for a lie before encryption; the genuine board still casts and shows its receipt.
//
// Usage: node e2e/lying_server.mjs --plenumd PATH --cli PATH [--web-root DIR]
// (needs dist/ from `npm run build` and dist-app/ from `npm run build:app`; exit status 0 on success)
import "../scripts/node_webcrypto.mjs";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as cvp1 from "../dist/crypto/index.js";
import { runCliHallTest } from "./cli_hall_test.mjs";

await cvp1.ready();

await runCliHallTest("lying-server", async ({ hall, server, cli, browser, artifacts }) => {
  const { codeOf, openMotion } = hall;
  // The lies. `lie` names the one in force; every WebSocket the tablet opens is routed through
  // `rewrite`, which re-chains and re-signs the board from the first event it changes.
  const congressKey = cvp1.SecretKey.fromBytes(await readFile(join(server.dataPath, "congress.key")));
  assert.ok(congressKey, "the congress key file holds a secret key");
  const otherCongress = cvp1.SecretKey.generate();
  const substituteKey = cvp1.Point.baseMul(cvp1.Scalar.randomNonzero());
  let lie = "none";
  let lieVote = "m1";
  const sent = []; // [lie, type, request] of every frame the tablet sent
  // The standby's takeover, set up once the board's early events are known (takeover()).
  const standbyKey = cvp1.SecretKey.generate();
  const impostorKey = cvp1.SecretKey.generate();
  let handover = null; // { seq, genuine: event, forged: event }

  /** The payload of a board event of `type` as `lie` about `lieVote` shows it, or null (unchanged). */
  function liePayload(type, p, { lie, lieVote }) {
    if (p["vote_id"] !== lieVote) return null;
    if (type === "vote_opened" && (lie === "key_recomputed_hash" || lie === "key_genuine_hash")) {
      const q = { ...p, joint_key: substituteKey.hex() };
      if (lie === "key_recomputed_hash")
        q.election_hash = cvp1.toHex(cvp1.electionHash(cvp1.fromHex(p.ceremony_id, 32), substituteKey, cvp1.fromHex(p.manifest_hash, 32), cvp1.fromHex(p.roster_hash, 32)));
      return q;
    }
    if (type === "vote_opened" && lie === "roster_root_other") {
      // The signed root of a roster with one stranger more: the tablet's path no longer leads to it.
      const other = cvp1.rosterRoot([cvp1.SecretKey.generate().publicKey(), cvp1.SecretKey.generate().publicKey()]);
      return { ...p, roster_root: cvp1.toHex(other) };
    }
    if (type === "vote_created" && (lie === "manifest_reordered" || lie === "unsigned_title")) {
      const m = structuredClone(p.manifest);
      if (lie === "unsigned_title") return { ...p, title: `${p.title}（改）` };
      [m.contests[0].options[0], m.contests[0].options[1]] = [m.contests[0].options[1], m.contests[0].options[0]];
      return { ...p, manifest: m };
    }
    return null;
  }

  /** A board rewriter for one connection: events in, the lie's events out, chained and signed. */
  function rechainer(conn) {
    const { lie } = conn;
    const out = new Map(); // seq -> forged event
    return (e) => {
      if (out.has(e.seq)) return out.get(e.seq);
      const prevForged = out.get(e.seq - 1);
      const changed = e.sealed ? null : liePayload(e.type, JSON.parse(e.payload), conn);
      let f = e;
      if (changed && lie === "unsigned_title") {
        f = { ...e, payload: JSON.stringify(changed) }; // entry hash and signature left as they were
      } else if (changed || (prevForged && prevForged.entry_hash !== e.prev_hash)) {
        const payload = changed ? JSON.stringify(changed) : e.payload;
        const prev = prevForged ? prevForged.entry_hash : e.prev_hash;
        const h = cvp1.entryHash(e.seq, cvp1.fromHex(prev, 32), e.type, payload);
        f = { ...e, payload, prev_hash: prev, entry_hash: cvp1.toHex(h), signature: cvp1.toHex(congressKey.sign(h)) };
      }
      out.set(e.seq, f);
      return f;
    };
  }

  /** Under a handover lie: the handover in place of entry `handover.seq`, every later entry
   * signed by the standby key (entry hashes unchanged). */
  function handoverForge(conn) {
    const event = conn.lie === "handover_genuine" ? handover.genuine : handover.forged;
    return (e) => {
      if (e.seq === handover.seq) return event;
      if (e.seq < handover.seq) return e;
      return { ...e, signature: cvp1.toHex(standbyKey.sign(cvp1.fromHex(e.entry_hash, 32))) };
    };
  }

  /** The events of a get_board reply to `request` with the handover put in where its range
   * holds the handover's seq. */
  function withHandover(events, request) {
    const from = Number(request?.from_seq ?? 0);
    const limit = Number(request?.limit ?? 500);
    const out = events.filter((e) => e.seq !== handover.seq);
    if (from <= handover.seq && (out.some((e) => e.seq > handover.seq) || out.length < limit)) {
      out.push({ seq: handover.seq });
      out.sort((a, b) => a.seq - b.seq);
    }
    return out;
  }

  /** A frame from the server as the connection's lie shows it to the tablet. */
  function rewrite(text, forge, boardEvents, { lie, lieVote, requests }) {
    const msg = JSON.parse(text);
    const takeover = lie.startsWith("handover_");
    if (msg.type === "hello" && lie === "hello_other_key") msg.congress_pk = otherCongress.publicKey().hex();
    if (msg.type === "hello" && lie === "signing_key_uncertified") msg.signing_pk = impostorKey.publicKey().hex();
    if (msg.type === "hello" && takeover) msg.signing_pk = standbyKey.publicKey().hex();
    if (takeover && Array.isArray(msg.events) && typeof msg.id === "number") msg.events = withHandover(msg.events, requests.get(msg.id));
    if (takeover && msg.receipt && msg.receipt.board_seq > handover.seq) {
      const r = msg.receipt;
      r.signature = cvp1.toHex(standbyKey.sign(cvp1.receiptDigest(cvp1.fromHex(r.tracking_code, 32), r.board_seq, cvp1.fromHex(r.board_entry_hash, 32))));
    }
    if (lie === "roster_proof_wrong" && msg.proof && Array.isArray(msg.proof.path) && msg.proof.path.length > 0) msg.proof.path[0] = "00".repeat(32);
    if (Array.isArray(msg.events)) msg.events = msg.events.map(forge);
    if (msg.entry) msg.entry = forge(msg.entry); // the cast_ballot reply's own entry
    for (const e of msg.events ?? []) boardEvents.set(e.seq, e);
    if (msg.receipt && lie.startsWith("receipt_")) {
      const r = msg.receipt;
      if (lie === "receipt_forged") r.signature = cvp1.toHex(cvp1.SecretKey.generate().sign(cvp1.fromHex(r.tracking_code, 32)));
      else {
        if (lie === "receipt_other_tracking") r.tracking_code = cvp1.toHex(crypto.getRandomValues(new Uint8Array(32)));
        if (lie === "receipt_other_entry") {
          const created = [...boardEvents.values()].find((e) => e.type === "vote_created" && JSON.parse(e.payload).vote_id === lieVote);
          r.board_seq = created.seq;
          r.board_entry_hash = created.entry_hash;
        }
        if (lie === "receipt_entry_forged") {
          // The reply's entry holds another ballot's tracking code, hashed, signed and receipted
          // as the server's own.
          const e = msg.entry;
          const payload = JSON.stringify({ ...JSON.parse(e.payload), tracking_code: cvp1.toHex(crypto.getRandomValues(new Uint8Array(32))) });
          const h = cvp1.entryHash(e.seq, cvp1.fromHex(e.prev_hash, 32), e.type, payload);
          msg.entry = { ...e, payload, entry_hash: cvp1.toHex(h), signature: cvp1.toHex(congressKey.sign(h)) };
          r.board_entry_hash = msg.entry.entry_hash;
        }
        const d = cvp1.receiptDigest(cvp1.fromHex(r.tracking_code, 32), r.board_seq, cvp1.fromHex(r.board_entry_hash, 32));
        r.signature = cvp1.toHex(congressKey.sign(d));
      }
    }
    return JSON.stringify(msg);
  }

  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, ignoreHTTPSErrors: true });
  await context.routeWebSocket(/\/ws$/, (ws) => {
    // The lie in force when the page opened this connection stays its lie (a page being reloaded
    // may still send on its old connection).
    const conn = { lie, lieVote, requests: new Map() };
    const upstream = ws.connectToServer();
    const forge = lie.startsWith("handover_") ? handoverForge(conn) : rechainer(conn);
    const boardEvents = new Map();
    ws.onMessage((m) => {
      const request = JSON.parse(String(m));
      sent.push([conn.lie, request.type, request]);
      conn.requests.set(request.id, request);
      upstream.send(m);
    });
    upstream.onMessage((m) => ws.send(rewrite(String(m), forge, boardEvents, conn)));
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  const casts = (name) => sent.filter(([l, type]) => l === name && type === "cast_ballot").length;
  const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

  // Enrollment on the genuine server pins the congress key.
  await page.goto(`${server.url}/tablet.html`);
  await page.locator("input[name=person]").fill("D001");
  await page.locator("input[name=code]").fill(codeOf.get("D001"));
  await page.getByTestId("enroll-submit").click();
  await page.getByTestId("me-name").waitFor({ timeout: 30_000 });

  // The sitting: check-in (D001's assisted), the key ceremony, an item.
  await hall.sitUp();
  await openMotion("m1", "关于预算报告的决议");

  /** Reloads the tablet with `name` in force; waits for `testid` and checks its text. */
  async function expectRefusal(name, testid, code, text) {
    lie = name;
    await page.reload();
    const box = page.getByTestId(testid);
    await box.waitFor({ timeout: 30_000 });
    assert.equal(await box.getAttribute("data-trust"), code, name);
    assert.ok((await box.innerText()).includes(text), `${name}: ${await box.innerText()}`);
    await shot(name);
    // Nothing to cast: no ballot of the vote on screen.
    assert.equal(await page.getByTestId(`ballot-${lieVote}`).count(), 0, `${name}: a ballot is on screen`);
    assert.equal(casts(name), 0, `${name}: cast_ballot sent`);
    console.log(`refused: ${name} (${code})`);
  }

  const keyText = "本次表决的加密公钥与监票人生成的不一致，请勿投票并通知监票人";
  await expectRefusal("key_recomputed_hash", "trust-refused-m1", "joint_key_mismatch", keyText);
  await expectRefusal("key_genuine_hash", "trust-refused-m1", "joint_key_mismatch", keyText);
  await expectRefusal("manifest_reordered", "trust-refused-m1", "manifest_mismatch", "本次表决的内容与公布的不一致");
  // The roster (vote_opened of format 2, its vote_roster no part of the course): a path of this
  // device's key that does not lead to the signed roster_root, and a signed root of another roster.
  const rosterText = "本次表决的投票人名单与公布的不一致";
  await expectRefusal("roster_proof_wrong", "trust-refused-m1", "roster_mismatch", rosterText);
  await expectRefusal("roster_root_other", "trust-refused-m1", "roster_mismatch", rosterText);
  assert.ok(sent.some(([l, type]) => l === "roster_proof_wrong" && type === "get_roster_proof"), "the tablet asked for its roster proof");
  await expectRefusal("hello_other_key", "trust-stop", "congress_key_changed", "大会签名密钥与登记时的不一致");
  assert.equal(sent.filter(([l, type]) => l === "hello_other_key" && type !== "ping").length, 0, "nothing sent after another congress key's hello");
  await expectRefusal("unsigned_title", "trust-stop", "board_event_invalid", "没有通过签名核验");
  // The same refusal in English, from the language buttons.
  await page.getByTestId("lang-en").click();
  assert.ok((await page.getByTestId("trust-stop").innerText()).includes("failed its signature check"));
  await page.getByTestId("conn").getByText("Stopped", { exact: true }).waitFor({ timeout: 10_000 }); // not "reconnecting"
  await shot("unsigned_title-en");
  await page.getByTestId("lang-zh-CN").click();

  /** Casts "for" in `vote` with `name` in force; returns the confirmation's tracking code. */
  async function castFor(name, vote) {
    lie = name;
    lieVote = vote;
    await page.reload();
    await page.getByTestId(`mark-0-for`).click({ timeout: 30_000 });
    await page.getByTestId("review").click();
    const code = await page.getByTestId("tracking-code").innerText({ timeout: 30_000 });
    await page.getByTestId("cast").click();
    return code;
  }

  // The genuine board casts, and its receipt is shown.
  const code = await castFor("none", "m1");
  await page.getByTestId("receipt").waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId("receipt-code").innerText(), code);
  assert.equal(casts("none"), 1);
  // Once the ballot is on the tablet's board the receipt still stands, and after a reload too
  // (then read from the server's state and checked against the board entry).
  await page.waitForFunction(() => window.plenum.board.get().some((e) => e.type === "ballot_accepted" && e.payload.vote_id === "m1"));
  assert.equal(await page.getByTestId("receipt-refused-m1").count(), 0);
  assert.equal(await page.getByTestId("receipt-code").innerText(), code);
  // The entry came with the receipt (the cast_ballot reply's entry): no get_board of one entry.
  assert.equal(sent.filter(([l, type, req]) => l === "none" && type === "get_board" && req.limit === 1).length, 0, "the own ballot read with get_board after its receipt");
  await page.reload();
  await page.getByTestId("receipt").waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => window.plenum.board.get().some((e) => e.type === "ballot_accepted" && e.payload.vote_id === "m1"));
  assert.equal(await page.getByTestId("receipt-code").innerText(), code);
  assert.equal(await page.getByTestId("receipt-refused-m1").count(), 0);
  assert.equal(casts("none"), 1, "a reload sends no ballot again");
  // Joining, the tablet read of the past only the sitting's course (protocol/PROTOCOL.md §8b):
  // the scrutineers' enrollments and its own, no other delegate's enrollment or check-in.
  const joined = await page.evaluate(() => window.plenum.board.get().map((e) => [e.type, e.sealed ? "" : String(e.payload.person ?? "")]));
  assert.ok(!joined.some(([type, person]) => (type === "device_enrolled" || type === "checked_in") && person.startsWith("D") && person !== "D001"), JSON.stringify(joined));
  assert.ok(joined.some(([type, person]) => type === "device_enrolled" && person === "D001"), "its own enrollment");
  assert.ok(joined.some(([type]) => type === "ceremony_started") && joined.filter(([type]) => type === "device_enrolled").length >= 2, JSON.stringify(joined));
  assert.ok(sent.some(([l, type]) => l === "none" && type === "get_board"), "the course read with get_board");
  // …and is pushed only the course from then on (protocol/PROTOCOL.md §7).
  const subscribed = sent.filter(([l, type]) => l === "none" && type === "subscribe").map(([, , req]) => req.topics.join(","));
  assert.deepEqual([...new Set(subscribed)], ["course,state,results"]);
  await shot("genuine");
  console.log("genuine: cast and receipt shown");
  await cli("CH", ["close-vote", "m1"]);

  // Receipts that do not hold: the ballot went to the server, the receipt is not shown.
  for (const [name, vote, problem, text] of [
    ["receipt_forged", "m2", "receipt_forged", "回执上的签名不是大会的"],
    ["receipt_other_tracking", "m3", "receipt_not_mine", "追踪码不是本设备刚投出的选票的"],
    ["receipt_other_entry", "m4", "receipt_not_on_board", "没有本设备的选票"],
    ["receipt_entry_forged", "m6", "receipt_not_on_board", "没有本设备的选票"],
  ]) {
    await openMotion(vote, `第 ${vote} 项决议`);
    await castFor(name, vote);
    const box = page.getByTestId(`receipt-refused-${vote}`);
    await box.waitFor({ timeout: 30_000 });
    assert.equal(await box.getAttribute("data-trust"), problem, name);
    assert.ok((await box.innerText()).includes(text), `${name}: ${await box.innerText()}`);
    assert.equal(await page.getByTestId("receipt").count(), 0, `${name}: a receipt is on screen`);
    assert.equal(casts(name), 1);
    await shot(name);
    console.log(`refused: ${name} (${problem})`);
    await cli("CH", ["close-vote", vote]);
  }
  // The forged entry the tablet kept for m6 does not chain with the genuine entry after it: a
  // tablet that reads on stops. A reload starts it again on the genuine board.
  lie = "none";
  await page.reload();
  await page.waitForFunction(() => window.plenum?.status.get() === "online", null, { timeout: 30_000 });

  // A standby machine's takeover. The handover takes the place of an entry the tablet never
  // reads (an enrollment code issued, followed by another such entry), so that the chain the
  // tablet checks holds; the certificate is the congress key's over handover_digest.
  const COURSE = new Set(["congress_created", "delegate_left", "alternate_seated", "delegate_added", "sitting_created", "checkin_opened", "checkin_closed", "sitting_opened", "sitting_closed", "item_added", "current_item_set", "ceremony_started", "keygen_submitted", "keys_confirmed", "vote_created", "vote_opened", "vote_closed", "partial_submitted", "vote_decided", "result_signed", "result_announced", "resolution_adopted"]);
  const early = (await page.evaluate(() => window.plenum.request("get_board", { from_seq: 0, limit: 200 })))["events"];
  const unread = (e) => e?.type === "enrollment_code_issued";
  const at = early.findIndex((e, i) => unread(e) && unread(early[i + 1]));
  assert.ok(at > 0, "an enrollment code issued before another");
  const congressId = JSON.parse(early[0].payload).congress_id;
  const standbyPk = standbyKey.publicKey();
  function handoverEvent(certifier) {
    const h = early[at];
    const certificate = certifier.sign(cvp1.handoverDigest(congressId, congressKey.publicKey(), standbyPk, h.seq));
    const payload = JSON.stringify({ standby_pk: standbyPk.hex(), from_seq: h.seq, certificate: cvp1.toHex(certificate), reason: "主机断电", unix_ms: Date.now() });
    const entry = cvp1.entryHash(h.seq, cvp1.fromHex(h.prev_hash, 32), "server_handover", payload);
    return { seq: h.seq, prev_hash: h.prev_hash, type: "server_handover", payload, entry_hash: cvp1.toHex(entry), signature: cvp1.toHex(standbyKey.sign(entry)) };
  }
  handover = { seq: early[at].seq, genuine: handoverEvent(congressKey), forged: handoverEvent(impostorKey) };
  await openMotion("m5", "关于备用机接管后的决议");
  lieVote = "m5";
  await expectRefusal("signing_key_uncertified", "trust-stop", "signing_key_uncertified", "没有经过大会授权");
  assert.equal(casts("signing_key_uncertified"), 0);
  await expectRefusal("handover_forged", "trust-stop", "handover_invalid", `第 ${handover.seq} 条记录说备用机接管了会场`);
  // The genuine handover: every later entry and the receipt are the standby key's, and accepted.
  const standbyCode = await castFor("handover_genuine", "m5");
  await page.getByTestId("receipt").waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId("receipt-code").innerText(), standbyCode);
  await page.waitForFunction(() => window.plenum.board.get().some((e) => e.type === "ballot_accepted" && e.payload.vote_id === "m5"));
  assert.equal(await page.getByTestId("receipt-refused-m5").count(), 0);
  const seen = await page.evaluate(() => ({
    standby: window.plenum.standbyKey()?.hex() ?? null,
    handover: window.plenum.board.get().find((e) => e.type === "server_handover")?.seq ?? null,
    after: window.plenum.board.get().filter((e) => e.seq > (window.plenum.board.get().find((x) => x.type === "server_handover")?.seq ?? Infinity)).length,
  }));
  assert.deepEqual([seen.standby, seen.handover], [standbyPk.hex(), handover.seq]);
  assert.ok(seen.after >= 5, `entries after the handover held: ${seen.after}`);
  assert.equal(casts("handover_genuine"), 1);
  await shot("handover_genuine");
  console.log(`genuine handover at seq ${handover.seq}: ${seen.after} later entries and the receipt accepted under the standby key`);
  console.log("lying server: every lie refused");
});
