// A standby machine takes over the hall, in the browser (server/STANDBY.md): machine A, plenumd
// with its event log in a PostgreSQL primary (the small sitting of cli_sitting.mjs), and machine
// B, `plenumd --standby` on A's synchronous streaming standby with its own key certified by the
// congress key; both know both addresses (--hall-server). The chair's console is opened from B:
// B answers `serving: false`, the console goes to A by itself and shows 备用机已同步 from A's
// state. The delegate casts; the test's fault injector holds back A's reply (the ballot is on
// both disks, its receipt never left), and A loses its power (plenumd killed, its PostgreSQL
// stopped at once). The tablet says it is switching to the hall's other computer. `plenumd
// promote` on B; the tablet finds B, reads the server_handover (the congress key's certificate
// checked), sends the ballot again and shows the receipt B answers with — the ballot on the board
// once. The console follows to B and shows that the hall now runs on one machine.
//
// Usage: node e2e/takeover.mjs --plenumd PATH --cli PATH [--web-root DIR]
// (needs PostgreSQL 15's tools in $PG_BIN or /usr/lib/postgresql/15/bin, and dist-app/)
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROSTER } from "./cli_sitting.mjs";
import { runCliHallTest } from "./cli_hall_test.mjs";
import { freePort, startPostgresHall } from "./postgres_hall.mjs";

const run = promisify(execFile);
const roster = `${ROSTER}\nCB,郑主持,M,汉族,other,,,chair,no`;

let pg = null;
let standbyMachine = null;
const portA = await freePort();
const portB = await freePort();
const halls = ["--hall-server", `https://127.0.0.1:${portA}`, "--hall-server", `https://127.0.0.1:${portB}`];
const wsA = `wss://127.0.0.1:${portA}/ws`;
const wsB = `wss://127.0.0.1:${portB}/ws`;

/** `plenumd --standby` on B: resolves with { dataDir, log(), stop() } once it listens. */
async function startStandby(binary, webRoot, dataDir) {
  const ready = join(dataDir, "ready");
  const args = ["--standby", "--data-dir", dataDir, "--listen", "127.0.0.1", "--port", String(portB), "--threads", "2", "--ready-file", ready, "--web-root", webRoot, "--log-level", "info", "--event-store", pg.standby.conninfo(), "--primary-event-store", pg.primary.conninfo(), ...halls];
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const end = Date.now() + 60_000;
  for (;;) {
    if (await readFile(ready, "utf8").catch(() => "")) break;
    if (child.exitCode !== null) throw new Error(`plenumd --standby exited with ${child.exitCode}\n${output}`);
    if (Date.now() > end) throw new Error(`plenumd --standby did not start\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

await runCliHallTest(
  "takeover",
  async ({ hall, server, cli, browser, shot, pages, opts }) => {
    const plenumd = opts.plenumd;
    // B's own key, certified by the congress key on A; then B follows A's log.
    const dataB = await mkdtemp(join(tmpdir(), "plenum-web-standby-"));
    const standbyPk = (await run(plenumd, ["standby-key", "--data-dir", dataB])).stdout.trim().split("\n").pop();
    await run(plenumd, ["certify-standby", "--data-dir", server.dataPath, "--event-store", pg.primary.conninfo(), "--standby-key", standbyPk, "--out", join(dataB, "standby-certificate.json")]);
    standbyMachine = await startStandby(plenumd, opts["web-root"], dataB);
    standbyMachine.dataDir = dataB;

    // The fault injector: A's reply to the first cast_ballot is held back.
    const sent = [];
    let holdCast = true;
    let heldBack = 0;
    async function newContext(viewport) {
      const context = await browser.newContext({ viewport, ignoreHTTPSErrors: true });
      await context.routeWebSocket(/\/ws$/, (ws) => {
        const upstream = ws.connectToServer();
        const casts = new Set();
        ws.onMessage((m) => {
          const msg = JSON.parse(String(m));
          sent.push([ws.url(), msg.type]);
          if (msg.type === "cast_ballot") casts.add(msg.id);
          upstream.send(m);
        });
        upstream.onMessage((m) => {
          const msg = JSON.parse(String(m));
          if (holdCast && casts.has(msg.id)) {
            heldBack += 1;
            return;
          }
          ws.send(m);
        });
      });
      return context;
    }

    // The chair's console, opened from B: B does not serve, A does.
    const fresh = await cli("SE", ["issue-code", "CB"], true);
    const chairCode = fresh.trim().split(",")[1].trim();
    const chair = await (await newContext({ width: 1280, height: 800 })).newPage();
    pages.set("chair", chair);
    await chair.goto(`https://127.0.0.1:${portB}/chair.html`);
    await chair.locator("input[name=person]").fill("CB");
    await chair.locator("input[name=code]").fill(chairCode);
    await chair.getByTestId("enroll-submit").click();
    await chair.getByTestId("who").waitFor({ timeout: 30_000 });
    assert.equal(await chair.evaluate(() => window.plenum.address.get()), wsA, "the console went to the serving machine");
    assert.equal(await chair.evaluate((b) => window.plenum.refusedAddresses.get().get(b), wsB), "not_serving");
    await chair.locator("[data-testid=hall-status][data-standby=in_sync]").waitFor({ timeout: 30_000 });
    await shot(chair, "chair-standby-in-sync", { touch: false });

    // The delegate's tablet on A.
    const tablet = await (await newContext({ width: 800, height: 1280 })).newPage();
    pages.set("tablet", tablet);
    await tablet.goto(`${server.url}/tablet.html`);
    await tablet.locator("input[name=person]").fill("D001");
    await tablet.locator("input[name=code]").fill(hall.codeOf.get("D001"));
    await tablet.getByTestId("enroll-submit").click();
    await tablet.getByTestId("me-name").waitFor({ timeout: 30_000 });
    assert.deepEqual(await tablet.evaluate(() => window.plenum.hallAddresses()), [wsA, wsB]);
    await hall.sitUp();
    await hall.openMotion("m1", "关于预算报告的决议");
    await tablet.getByTestId("mark-0-for").click({ timeout: 30_000 });
    await tablet.getByTestId("review").click();
    const code = await tablet.getByTestId("tracking-code").innerText({ timeout: 30_000 });
    await tablet.getByTestId("cast").click();
    const waitHeld = Date.now() + 20_000;
    while (heldBack === 0 && Date.now() < waitHeld) await new Promise((r) => setTimeout(r, 50));
    assert.equal(heldBack, 1, "A answered the ballot (reply held back)");

    // A loses its power.
    await server.kill();
    await pg.primary.stop();
    holdCast = false;
    await tablet.getByTestId("conn").getByText("正在换到另一台电脑…").waitFor({ timeout: 30_000 });
    assert.match(await tablet.getByTestId("offline").innerText(), /正在换到会场的另一台电脑/);
    await shot(tablet, "tablet-switching");

    // B takes over.
    const promoted = await run(plenumd, ["promote", "--data-dir", dataB, "--event-store", pg.standby.conninfo(), "--primary-event-store", pg.primary.conninfo(), "--reason", "主机断电"]);
    console.log(`promoted: ${promoted.stdout.trim()}`);
    await tablet
      .getByTestId("receipt")
      .waitFor({ timeout: 60_000 })
      .catch(async (e) => {
        const client = await tablet.evaluate(() => ({ address: window.plenum.address.get(), status: window.plenum.status.get(), refused: [...window.plenum.refusedAddresses.get()], trust: window.plenum.trustFailure.get() }));
        console.error(`tablet: ${JSON.stringify(client)}\nframes: ${JSON.stringify(sent.slice(-20))}\nB's log:\n${standbyMachine.log().slice(-4000)}`);
        throw e;
      });
    assert.equal(await tablet.getByTestId("receipt-code").innerText(), code);
    assert.equal(await tablet.evaluate(() => window.plenum.address.get()), wsB);
    const seen = await tablet.evaluate(() => ({
      standby: window.plenum.standbyKey()?.hex() ?? null,
      handover: window.plenum.board.get().some((e) => e.type === "server_handover"),
    }));
    assert.deepEqual(seen, { standby: standbyPk, handover: true });
    assert.equal(sent.filter(([url, type]) => url === wsA && type === "cast_ballot").length, 1);
    assert.equal(sent.filter(([url, type]) => url === wsB && type === "cast_ballot").length, 1, "sent again to B");
    // On B's board the ballot is there once.
    const board = await tablet.evaluate(async () => {
      const r = await window.plenum.request("get_board", { from_seq: 0, limit: 500 });
      return r.events.filter((e) => e.type === "ballot_accepted").map((e) => JSON.parse(e.payload).vote_id);
    });
    assert.deepEqual(board, ["m1"]);
    await tablet.getByTestId("offline").waitFor({ state: "detached", timeout: 10_000 });
    await shot(tablet, "tablet-receipt-from-b");

    // The console follows: B serves, alone.
    await chair.waitForFunction((b) => window.plenum.address.get() === b && window.plenum.status.get() === "online", wsB, { timeout: 60_000 });
    const line = chair.locator("[data-testid=hall-status][data-standby=standalone]");
    await line.waitFor({ timeout: 30_000 });
    assert.ok((await line.innerText()).includes(`127.0.0.1:${portB}`), await line.innerText());
    await shot(chair, "chair-standalone-on-b", { touch: false });
    console.log("takeover: console sent on from the standby, the tablet followed to B with the ballot in flight, one ballot, receipt shown");
  },
  {
    roster,
    plenumd: async () => {
      pg = await startPostgresHall();
      return { port: portA, extraArgs: ["--event-store", pg.primary.conninfo(), ...halls] };
    },
    cleanup: async () => {
      await standbyMachine?.stop();
      if (standbyMachine) await rm(standbyMachine.dataDir, { recursive: true, force: true });
      await pg?.remove();
    },
  },
);
