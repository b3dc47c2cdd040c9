// The hall line of the chair's console and the secretary's desk (hall_status.tsx): which machine
// serves and how the standby stands, from the public state's `hall` block (server/STANDBY.md).
// The real plenumd of cli_sitting.mjs runs on one machine (its SQLite log): neither page shows a
// hall line. The other states of a hall with a standby — in sync, not in sync, running alone —
// are then put into the state the pages receive by the test's own fault injector (a Playwright
// route that sets `hall` in every `state` push and get_state reply), and each page is
// photographed in each state, the warning in all three languages: nothing with one machine, a
// calm line in sync, a warning naming what to check and the command that goes on alone, a
// notice when alone.
//
// Usage: node e2e/hall_status.mjs --plenumd PATH --cli PATH [--web-root DIR]
// (needs dist-app/ from `npm run build:app`; exit status 0 on success)
import assert from "node:assert/strict";
import { CONSOLE_DESK_ROSTER, openConsoleAndDesk, runCliHallTest } from "./cli_hall_test.mjs";

await runCliHallTest(
  "hall-status",
  async ({ cli, server, browser, shot, pages }) => {
    await cli("CH", ["create-sitting", "--sitting", "s1", "--title", "第一次会议", "--date", "2026-12-06"]);
    await cli("CH", ["open-checkin", "s1"]);
    /** The `hall` block the injector puts into every state, or null (the server's own). */
    let injected = null;
    function withHall(text) {
      if (!injected) return text;
      const msg = JSON.parse(text);
      if (msg.state && typeof msg.state === "object") msg.state.hall = injected;
      return JSON.stringify(msg);
    }

    const { chair, desk } = await openConsoleAndDesk({ cli, server, browser, pages }, (context) =>
      context.routeWebSocket(/\/ws$/, (ws) => {
        const upstream = ws.connectToServer();
        ws.onMessage((m) => upstream.send(m));
        upstream.onMessage((m) => ws.send(withHall(String(m))));
      }),
    );
    await chair.getByTestId("next-step-panel").waitFor({ timeout: 30_000 });
    await desk.getByTestId("status").waitFor({ timeout: 30_000 });

    // One machine (the real server's state): no hall line at all.
    for (const [name, page] of [["chair", chair], ["desk", desk]]) {
      const hallBlock = await page.evaluate(() => window.plenum.state.get()?.hall ?? null);
      assert.ok(hallBlock === null || hallBlock.standby === "none", `${name}: ${JSON.stringify(hallBlock)}`);
      assert.equal(await page.getByTestId("hall-status").count(), 0, `${name}: a hall line with one machine`);
      await shot(page, `${name}-one-machine`, { touch: false });
    }

    /** Puts `hall` into the state of both pages and waits for each to show `standby`. */
    async function inState(hallBlock) {
      injected = hallBlock;
      for (const page of [chair, desk]) {
        await page.evaluate(() => window.plenum.refreshState());
        await page.locator(`[data-testid=hall-status][data-standby=${hallBlock.standby}]`).waitFor({ timeout: 10_000 });
      }
    }
    const serving = "https://192.168.1.10:8443";

    await inState({ serving, standby: "in_sync" });
    for (const [name, page] of [["chair", chair], ["desk", desk]]) {
      const line = page.getByTestId("hall-status");
      const text = await line.innerText();
      assert.ok(text.includes("备用机已同步") && text.includes("服务中的电脑：192.168.1.10:8443"), `${name}: ${text}`);
      assert.equal(await line.getAttribute("role"), null, `${name}: a calm line is no alert`);
      await shot(page, `${name}-standby-in-sync`, { touch: false });
    }

    await inState({ serving, standby: "not_in_sync" });
    const warnings = {
      "zh-CN": ["备用机没有同步", "网线", "plenumd standalone"],
      "zh-TW": ["備用機沒有同步", "網路線", "plenumd standalone"],
      en: ["not in sync", "network cable", "plenumd standalone"],
    };
    for (const [name, page] of [["chair", chair], ["desk", desk]]) {
      const box = page.getByTestId("hall-status");
      assert.equal(await box.getAttribute("role"), "alert", `${name}: the warning is an alert`);
      // Above everything else on the console: before the next step.
      if (name === "chair") {
        const [warnTop, stepTop] = await Promise.all([box.boundingBox(), page.getByTestId("next-step-panel").boundingBox()]);
        assert.ok(warnTop.y < stepTop.y, "the warning stands above the next step");
      }
      for (const [lang, words] of Object.entries(warnings)) {
        await page.getByTestId(`lang-${lang}`).click();
        const text = await box.innerText();
        for (const w of words) assert.ok(text.includes(w), `${name} ${lang}: "${w}" in ${text}`);
        await shot(page, `${name}-standby-not-in-sync-${lang}`, { touch: false });
      }
      await page.getByTestId("lang-zh-CN").click();
    }

    await inState({ serving: "https://192.168.1.11:8443", standby: "standalone" });
    for (const [name, page] of [["chair", chair], ["desk", desk]]) {
      const text = await page.getByTestId("hall-status").innerText();
      assert.ok(text.includes("只用一台电脑") && text.includes("192.168.1.11:8443"), `${name}: ${text}`);
      await shot(page, `${name}-standalone`, { touch: false });
    }

    // Back to one machine: the line goes.
    await inState({ serving: "", standby: "in_sync" });
    injected = { serving: "", standby: "none" };
    for (const page of [chair, desk]) {
      await page.evaluate(() => window.plenum.refreshState());
      await page.getByTestId("hall-status").waitFor({ state: "detached", timeout: 10_000 });
    }
    console.log("hall status: nothing with one machine; in sync, not in sync and alone shown on the console and the desk");
  },
  { roster: CONSOLE_DESK_ROSTER },
);
