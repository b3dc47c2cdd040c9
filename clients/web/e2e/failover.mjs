// The delegate's tablet finds the hall's machines by itself (server/STANDBY.md, "How devices find
// the serving machine"): two real plenumds on loopback, each started with both addresses as
// --hall-server — A, the hall's congress with the small sitting of cli_sitting.mjs, and B, another
// congress (its own key). The tablet enrolls on A and learns both addresses from hello.servers;
// A is killed (SIGKILL, as a power loss) while the delegate casts: the tablet says that it is
// switching to the hall's other computer, tries A, then B, whose hello names another congress key
// and which it passes over without sending it anything, and keeps the ballot; A comes back on the
// same address, the tablet returns to it, and the ballot goes once, with its receipt shown.
//
// Usage: node e2e/failover.mjs --plenumd PATH --cli PATH [--web-root DIR]
// (needs dist-app/ from `npm run build:app`; exit status 0 on success)
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { ROSTER } from "./cli_sitting.mjs";
import { runCliHallTest } from "./cli_hall_test.mjs";
import { startPlenumd } from "./plenumd.mjs";

/** A loopback port no one listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const portA = await freePort();
const portB = await freePort();
const halls = ["--hall-server", `https://127.0.0.1:${portA}`, "--hall-server", `https://127.0.0.1:${portB}`];
const wsA = `wss://127.0.0.1:${portA}/ws`;
const wsB = `wss://127.0.0.1:${portB}/ws`;

await runCliHallTest(
  "failover",
  async ({ hall, server, browser, shot, pages, opts }) => {
    const other = await startPlenumd({ binary: opts.plenumd, webRoot: opts["web-root"], rosterCsv: ROSTER, membership: [30, 15, 3], port: portB, extraArgs: halls });
    try {
      const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, ignoreHTTPSErrors: true });
      // Every frame the tablet sends, by the address it went to.
      const sent = [];
      await context.routeWebSocket(/\/ws$/, (ws) => {
        const upstream = ws.connectToServer();
        ws.onMessage((m) => {
          sent.push([ws.url(), JSON.parse(String(m)).type]);
          upstream.send(m);
        });
        upstream.onMessage((m) => ws.send(m));
      });
      const page = await context.newPage();
      page.on("pageerror", (e) => console.error("page error:", e.message));
      pages.set("tablet", page);
      await page.goto(`${server.url}/tablet.html`);
      await page.locator("input[name=person]").fill("D001");
      await page.locator("input[name=code]").fill(hall.codeOf.get("D001"));
      await page.getByTestId("enroll-submit").click();
      await page.getByTestId("me-name").waitFor({ timeout: 30_000 });
      assert.deepEqual(await page.evaluate(() => window.plenum.hallAddresses()), [wsA, wsB], "the hall's machines from hello.servers");

      await hall.sitUp();
      await hall.openMotion("m1", "关于预算报告的决议");
      await page.getByTestId("mark-0-for").click({ timeout: 30_000 });
      await page.getByTestId("review").click();
      const code = await page.getByTestId("tracking-code").innerText({ timeout: 30_000 });

      // A loses its power; the delegate casts.
      await server.kill();
      await page.getByTestId("conn").getByText("正在换到另一台电脑…").waitFor({ timeout: 30_000 });
      await page.getByTestId("cast").click();
      const banner = page.getByTestId("offline");
      await banner.waitFor({ timeout: 10_000 });
      assert.match(await banner.innerText(), /正在换到会场的另一台电脑/);
      await page.getByTestId("sending").waitFor({ timeout: 10_000 });
      // B answers with another congress key: passed over, nothing sent to it.
      await page.waitForFunction((b) => window.plenum.refusedAddresses.get().get(b) === "other_congress", wsB, { timeout: 30_000 });
      assert.deepEqual(sent.filter(([url]) => url === wsB), [], "nothing sent to another congress's machine");
      assert.notEqual(await page.evaluate(() => window.plenum.status.get()), "online");
      await shot(page, "tablet-switching");

      // A is back on its address: the tablet returns to it and the ballot goes, once.
      await server.restart();
      await page.getByTestId("receipt").waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId("receipt-code").innerText(), code);
      assert.equal(await page.getByTestId("offline").count(), 0);
      assert.equal(await page.evaluate(() => window.plenum.address.get()), wsA);
      assert.equal(sent.filter(([url, type]) => url === wsA && type === "cast_ballot").length, 1, "the ballot went once");
      assert.ok(other.log().includes("listening"), "B served throughout");
      await shot(page, "tablet-back-on-a");
      console.log("failover: both machines learnt, another congress passed over, the ballot cast once back on A");
    } finally {
      await other.stop();
      await other.remove();
    }
  },
  { plenumd: async () => ({ port: portA, extraArgs: halls }) },
);
