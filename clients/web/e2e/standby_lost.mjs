// The hall loses its standby, on the chair's console and the secretary's desk (server/STANDBY.md):
// plenumd A with its event log in a PostgreSQL primary whose synchronous standby the test starts
// (e2e/postgres_hall.mjs). Both pages show 备用机已同步 from the server's own `hall` block; the
// standby's PostgreSQL stops at once: both show the warning — every action waits, what to check,
// and the command that goes on alone; the technician runs `plenumd standalone` on A: both show
// that the hall runs on one machine, and the chair's next action goes through again.
//
// Usage: node e2e/standby_lost.mjs --plenumd PATH --cli PATH [--web-root DIR]
// (needs PostgreSQL 15's tools in $PG_BIN or /usr/lib/postgresql/15/bin, and dist-app/)
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CONSOLE_DESK_ROSTER, openConsoleAndDesk, runCliHallTest } from "./cli_hall_test.mjs";
import { startPostgresHall } from "./postgres_hall.mjs";

const run = promisify(execFile);
let pg = null;

await runCliHallTest(
  "standby-lost",
  async ({ server, cli, browser, shot, pages, opts }) => {
    await cli("CH", ["create-sitting", "--sitting", "s1", "--title", "第一次会议", "--date", "2026-12-06"]);
    const { chair, desk } = await openConsoleAndDesk({ cli, server, browser, pages });
    const both = [["chair", chair], ["desk", desk]];
    const line = (page, standby) => page.locator(`[data-testid=hall-status][data-standby=${standby}]`);

    for (const [name, page] of both) {
      await line(page, "in_sync").waitFor({ timeout: 30_000 });
      await shot(page, `${name}-in-sync`, { touch: false });
    }

    // The standby's PostgreSQL stops: every commit of A waits for it.
    await pg.standby.stop();
    for (const [name, page] of both) {
      await line(page, "not_in_sync").waitFor({ timeout: 30_000 });
      const text = await line(page, "not_in_sync").innerText();
      assert.ok(text.includes("每一项操作都在等它") && text.includes("plenumd standalone"), `${name}: ${text}`);
      await shot(page, `${name}-not-in-sync`, { touch: false });
    }
    // Meanwhile a command waits: opening check-in gets no answer.
    const opening = cli("CH", ["open-checkin", "s1"]);
    const waited = await Promise.race([opening.then(() => "answered"), new Promise((r) => setTimeout(() => r("waiting"), 2_000))]);
    assert.equal(waited, "waiting", "a command is answered only once the standby has it, or the hall goes on alone");

    // The technician goes on with A alone: the waiting command returns.
    await run(opts.plenumd, ["standalone", "--event-store", pg.primary.conninfo()]);
    await opening;
    for (const [name, page] of both) {
      await line(page, "standalone").waitFor({ timeout: 30_000 });
      assert.ok((await line(page, "standalone").innerText()).includes("只用一台电脑"), name);
      await shot(page, `${name}-standalone`, { touch: false });
    }
    console.log("standby lost: in sync, the warning while the hall waits, alone after plenumd standalone, on the console and the desk");
  },
  {
    roster: CONSOLE_DESK_ROSTER,
    plenumd: async () => {
      pg = await startPostgresHall();
      return { extraArgs: ["--event-store", pg.primary.conninfo()] };
    },
    cleanup: async () => {
      await pg?.remove();
    },
  },
);
