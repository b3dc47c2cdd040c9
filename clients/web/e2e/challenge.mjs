// Cast or challenge (crypto/SPEC.md §14) in the browser: the real plenumd with a small sitting
// set up through plenum-cli (cli_sitting.mjs) and delegate D001's tablet in headless Chromium.
// The delegate marks 反对 and checks the ballot (检验此选票): the tablet sends its openings, shows
// the spoiled ballot's tracking code, the choice the server recorded (反对) and that it matches,
// and one challenge fewer. A second browser context opens the public tracking-code page, which
// opens the spoiled ballot in the browser and shows that code with 反对 apart from the counted
// codes. The delegate fills in again (a new ballot, new code), marks 赞成 and casts; the receipt
// arrives, and the counted codes hold the cast code but not the spoiled one. Two more checks
// use up the vote's three (one answered, through a route, with choices other than the ballot's:
// the tablet warns loudly), and after a reload no fourth is offered. A third context
// sees the board with the spoiled ballot's openings swapped (re-chained and signed with the
// congress key, which the test holds): the page says they do not open it and shows no choice.
// Screenshots go to $PLENUM_WEB_ARTIFACTS/challenge.
//
// Usage: node e2e/challenge.mjs --plenumd PATH --cli PATH [--web-root DIR]
// (needs dist/ from `npm run build` and dist-app/ from `npm run build:app`; exit 0 on success)
import "../scripts/node_webcrypto.mjs";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as cvp1 from "../dist/crypto/index.js";
import { runCliHallTest } from "./cli_hall_test.mjs";

await cvp1.ready();

await runCliHallTest("challenge", async ({ hall, server, browser, artifacts }) => {
  // The tablet's frames pass through a route that records what it sends and, while
  // `misrecord` is set, answers a spoil with choices other than the ballot's.
  const sent = [];
  let misrecord = false;
  const tabletContext = await browser.newContext({ viewport: { width: 800, height: 1280 }, ignoreHTTPSErrors: true });
  await tabletContext.routeWebSocket(/\/ws$/, (ws) => {
    const upstream = ws.connectToServer();
    ws.onMessage((m) => {
      sent.push(JSON.parse(String(m)));
      upstream.send(m);
    });
    upstream.onMessage((m) => {
      const msg = JSON.parse(String(m));
      if (!misrecord || msg.type !== "ok" || !Array.isArray(msg.choices)) return ws.send(m);
      msg.choices = msg.choices.map((row) => [...row].reverse());
      ws.send(JSON.stringify(msg));
    });
  });
  const tablet = await tabletContext.newPage();
  tablet.on("pageerror", (e) => console.error("tablet page error:", e.message));

  await tablet.goto(`${server.url}/tablet.html`);
  await tablet.locator("input[name=person]").fill("D001");
  await tablet.locator("input[name=code]").fill(hall.codeOf.get("D001"));
  await tablet.getByTestId("enroll-submit").click();
  await tablet.getByTestId("me-name").waitFor({ timeout: 30_000 });
  await hall.sitUp();
  await hall.openMotion("m1", "关于预算报告的决议");

  // 反对, then 检验此选票 on the confirmation screen.
  await tablet.getByTestId("mark-0-against").click({ timeout: 30_000 });
  await tablet.getByTestId("review").click();
  const spoiledCode = await tablet.getByTestId("tracking-code").innerText({ timeout: 30_000 });
  assert.match(await tablet.getByTestId("challenges-left").innerText(), /3/);
  assert.ok((await tablet.getByTestId("confirm").innerText()).includes("检验后这张选票作废、不计入结果"));
  await tablet.screenshot({ path: join(artifacts, "tablet-cast-or-check.png"), fullPage: true });
  await tablet.getByTestId("challenge").click();
  const challenged = tablet.getByTestId("challenged");
  await challenged.waitFor({ timeout: 30_000 });
  assert.equal(await tablet.getByTestId("spoiled-code").innerText(), spoiledCode);
  assert.ok((await tablet.getByTestId("spoiled-choices").innerText()).includes("反对"), "the recorded choice is 反对");
  assert.ok(!(await tablet.getByTestId("spoiled-choices").innerText()).includes("赞成"));
  assert.ok((await tablet.getByTestId("challenge-verdict").innerText()).startsWith("✔ 记录的选择与本平板刚才显示的一致"));
  assert.equal(await tablet.getByTestId("challenge-code-mismatch").count(), 0);
  assert.match(await tablet.getByTestId("challenges-left").innerText(), /2/);
  const spoils = sent.filter((m) => m.type === "spoil_ballot");
  assert.equal(spoils.length, 1, "one spoil_ballot sent");
  assert.equal(spoils[0].nonces[0].length, 3, "one opening per option");
  assert.deepEqual(spoils[0].nonces[0].map((n) => n.v), [0, 1, 0]);
  assert.equal(sent.filter((m) => m.type === "cast_ballot").length, 0, "nothing cast");
  await tablet.screenshot({ path: join(artifacts, "tablet-challenged.png"), fullPage: true });
  console.log(`challenged: ${spoiledCode} recorded 反对`);

  // A second device: the public tracking-code page opens the spoiled ballot itself.
  const pub = await (await browser.newContext({ viewport: { width: 800, height: 1280 }, ignoreHTTPSErrors: true })).newPage();
  pub.on("pageerror", (e) => console.error("codes page error:", e.message));
  await pub.goto(`${server.url}/codes.html?vote=m1#code=${spoiledCode}`);
  const item = pub.locator(`[data-testid=spoiled-item][data-code="${spoiledCode}"]`);
  await item.waitFor({ timeout: 30_000 });
  const itemText = await item.innerText();
  assert.ok(itemText.includes("反对") && !itemText.includes("赞成"), itemText);
  assert.equal(await pub.getByTestId("spoiled-problem").count(), 0, "the openings open the ballot");
  assert.ok((await pub.getByTestId("codes-found").innerText()).includes("已检验（作废）的选票的追踪码"), "the typed code is found among the checked ballots");
  assert.ok((await pub.getByTestId("spoiled").innerText()).includes("已检验（作废）的选票"));
  assert.equal(await pub.getByTestId("code-item").count(), 0, "no counted ballot yet");
  await pub.screenshot({ path: join(artifacts, "codes-spoiled.png"), fullPage: true });
  console.log("codes page: the spoiled ballot opened to 反对");

  // Two more checks use up the three (the first answered with other choices than the ballot's:
  // a loud warning); after a reload the tablet counts them from the board, offers no further
  // check and still casts.
  for (const [option, left, lie] of [["abstain", /1/, true], ["for", /已用完/, false]]) {
    misrecord = lie;
    await tablet.getByTestId("fill-again").click();
    await tablet.getByTestId(`mark-0-${option}`).click({ timeout: 30_000 });
    await tablet.getByTestId("review").click();
    await tablet.getByTestId("challenge").click();
    await challenged.waitFor({ timeout: 30_000 });
    const verdict = tablet.getByTestId("challenge-verdict");
    if (lie) {
      assert.ok((await verdict.innerText()).startsWith("⚠ 警告：记录的选择与本平板刚才显示的不一致"), await verdict.innerText());
      assert.equal(await verdict.getAttribute("role"), "alert");
      await tablet.screenshot({ path: join(artifacts, "tablet-challenged-mismatch.png"), fullPage: true });
    } else {
      assert.ok((await verdict.innerText()).startsWith("✔"), option);
    }
    assert.match(await tablet.getByTestId("challenges-left").innerText(), left);
  }
  misrecord = false;
  assert.equal(sent.filter((m) => m.type === "spoil_ballot").length, 3);
  await tablet.reload();

  // Fill in again: a fresh ballot, 赞成, cast; the receipt arrives.
  await tablet.getByTestId("mark-0-for").click({ timeout: 30_000 });
  await tablet.getByTestId("review").click();
  await tablet.getByTestId("confirm").waitFor({ timeout: 30_000 });
  await tablet.waitForFunction(() => window.plenum.board.get().filter((e) => e.type === "ballot_spoiled").length === 3);
  assert.match(await tablet.getByTestId("challenges-left").innerText(), /已用完/);
  assert.ok(await tablet.getByTestId("challenge").isDisabled(), "no fourth check");
  const castCode = await tablet.getByTestId("tracking-code").innerText({ timeout: 30_000 });
  const allSpoiled = sent.filter((m) => m.type === "spoil_ballot");
  assert.notEqual(castCode, spoiledCode, "a fresh ballot has a new tracking code");
  await tablet.getByTestId("cast").click();
  await tablet.getByTestId("receipt").waitFor({ timeout: 30_000 });
  assert.equal(await tablet.getByTestId("receipt-code").innerText(), castCode);
  const casts = sent.filter((m) => m.type === "cast_ballot");
  assert.equal(casts.length, 1, "one cast_ballot sent");
  for (const spoil of allSpoiled) {
    assert.notEqual(casts[0].ballot.ballot_id, spoil.ballot.ballot_id, "new ballot_id");
    assert.notEqual(casts[0].ballot.contests[0].options[0].alpha, spoil.ballot.contests[0].options[0].alpha, "new randomness");
  }
  await tablet.screenshot({ path: join(artifacts, "tablet-receipt.png"), fullPage: true });
  console.log(`cast: ${castCode}, receipt shown`);

  // The counted codes: the cast one, not the spoiled one, which stays among the checked ones.
  await pub.reload();
  await pub.locator(`[data-testid=code-item]`, { hasText: castCode }).waitFor({ timeout: 30_000 });
  const counted = await pub.getByTestId("code-item").allInnerTexts();
  assert.deepEqual(counted, [castCode]);
  assert.ok(!counted.includes(spoiledCode));
  await pub.locator(`[data-testid=spoiled-item][data-code="${spoiledCode}"]`).waitFor({ timeout: 30_000 });
  assert.equal(await pub.getByTestId("spoiled-item").count(), 3);
  await pub.screenshot({ path: join(artifacts, "codes-after-cast.png"), fullPage: true });

  // Openings that do not open: the spoiled ballot's first two nonces swapped on the board this
  // context reads, every later entry re-chained and signed as the server's.
  const congressKey = cvp1.SecretKey.fromBytes(await readFile(join(server.dataPath, "congress.key")));
  assert.ok(congressKey, "the congress key file holds a secret key");
  const liar = await browser.newContext({ viewport: { width: 800, height: 1280 }, ignoreHTTPSErrors: true });
  await liar.routeWebSocket(/\/ws$/, (ws) => {
    const upstream = ws.connectToServer();
    const forged = new Map(); // seq -> forged event
    const forge = (e) => {
      if (forged.has(e.seq)) return forged.get(e.seq);
      const before = forged.get(e.seq - 1);
      let payload = e.payload;
      if (e.type === "ballot_spoiled") {
        const p = JSON.parse(e.payload);
        [p.nonces[0][0].r, p.nonces[0][1].r] = [p.nonces[0][1].r, p.nonces[0][0].r];
        payload = JSON.stringify(p);
      }
      let f = e;
      if (payload !== e.payload || (before && before.entry_hash !== e.prev_hash)) {
        const prev = before ? before.entry_hash : e.prev_hash;
        const h = cvp1.entryHash(e.seq, cvp1.fromHex(prev, 32), e.type, payload);
        f = { ...e, payload, prev_hash: prev, entry_hash: cvp1.toHex(h), signature: cvp1.toHex(congressKey.sign(h)) };
      }
      forged.set(e.seq, f);
      return f;
    };
    ws.onMessage((m) => upstream.send(m));
    upstream.onMessage((m) => {
      const msg = JSON.parse(String(m));
      if (Array.isArray(msg.events)) msg.events = msg.events.map(forge);
      ws.send(JSON.stringify(msg));
    });
  });
  const lied = await liar.newPage();
  lied.on("pageerror", (e) => console.error("lied-to page error:", e.message));
  await lied.goto(`${server.url}/codes.html?vote=m1`);
  const badItem = lied.getByTestId("spoiled-item").first();
  await badItem.waitFor({ timeout: 30_000 });
  assert.equal(await badItem.getAttribute("data-problem"), "bad_nonce");
  assert.ok((await badItem.getByTestId("spoiled-problem").innerText()).includes("核验数据打不开这张选票的密文"));
  assert.ok(!(await badItem.innerText()).includes("反对"), "no choice shown for openings that do not open");
  await lied.screenshot({ path: join(artifacts, "codes-openings-wrong.png"), fullPage: true });
  console.log("codes page: openings that do not open are shown as such");
});
