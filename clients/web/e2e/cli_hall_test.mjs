// The frame of a browser test on the small hall of cli_sitting.mjs: reads --plenumd, --cli and
// --web-root, makes the screenshot folder $PLENUM_WEB_ARTIFACTS/<name>, starts plenumd with the
// hall and a headless Chromium, runs the test's body and, whatever happens, closes the browser
// and stops plenumd (its folder is kept when the test failed), then exits 0 or 1.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launch } from "./browser.mjs";
import { ROSTER, startCliSitting } from "./cli_sitting.mjs";
import { screenChecks } from "./screen_checks.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * Runs `body({ hall, server, cli, browser, artifacts, shot, problems, pages, opts })` (`opts`: the
 * command line's --plenumd, --cli and --web-root) as the browser
 * test `name` (on `options.roster` when given, cli_sitting.mjs's ROSTER otherwise; plenumd on
 * the `{port, extraArgs}` that `options.plenumd()` resolves with, when given; `options.cleanup()`
 * runs last, after plenumd stopped). `pages` (name → page) are photographed as failed-<name>.png when the body throws;
 * `shot` and `problems` are screen_checks.mjs's; the test fails when `problems` is not empty at
 * the end. Never returns: exits the process.
 */
export async function runCliHallTest(name, body, options = {}) {
  const { values: opts } = parseArgs({
    options: {
      plenumd: { type: "string" },
      cli: { type: "string" },
      "web-root": { type: "string", default: resolve(here, "../dist-app") },
    },
  });
  assert.ok(opts.plenumd && opts.cli, "--plenumd PATH and --cli PATH are required");
  const artifacts = join(process.env.PLENUM_WEB_ARTIFACTS ?? resolve(here, "../../../build/test-artifacts/web"), name);
  await mkdir(artifacts, { recursive: true });
  const { shot, problems } = screenChecks(artifacts);

  const started = Date.now();
  let hall;
  try {
    const plenumdOptions = options.plenumd ? await options.plenumd() : {};
    hall = await startCliSitting({ plenumd: opts.plenumd, cliBinary: opts.cli, webRoot: opts["web-root"], ...(options.roster ? { roster: options.roster } : {}), ...plenumdOptions });
  } catch (e) {
    await options.cleanup?.();
    throw e;
  }
  const { server, cli } = hall;
  const pages = new Map();
  let browser;
  let failed = false;
  try {
    browser = await launch();
    await body({ hall, server, cli, browser, artifacts, shot, problems, pages, opts });
    assert.deepEqual(problems, [], `layout and accessibility:\n${problems.join("\n")}`);
    console.log(`${name}: passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${artifacts}`);
  } catch (e) {
    failed = true;
    console.error(e);
    for (const [pageName, page] of pages) await page.screenshot({ path: join(artifacts, `failed-${pageName}.png`), fullPage: true }).catch(() => undefined);
    console.error(server.log().slice(-4000));
  } finally {
    await browser?.close();
    await server.stop();
    if (!failed) await server.remove();
    await options.cleanup?.();
  }
  process.exit(failed ? 1 : 0);
}

/** cli_sitting.mjs's roster with the chair CB and the secretary SB that openConsoleAndDesk enrolls. */
export const CONSOLE_DESK_ROSTER = `${ROSTER}\nCB,郑主持,M,汉族,other,,,chair,no\nSB,冯秘书,F,汉族,other,,,secretary,no`;

/**
 * Enrolls CB on the chair's console and SB on the secretary's desk with codes SE issues through
 * plenum-cli, each page in a browser context of its own (`prepare(context)`, when given, runs
 * before the page opens: a route, say) and registered in `pages` as "chair" and "desk".
 * Resolves with `{ chair, desk }` once both pages show who is enrolled.
 */
export async function openConsoleAndDesk({ cli, server, browser, pages }, prepare = async () => {}) {
  const fresh = await cli("SE", ["issue-code", "CB", "SB"], true);
  const codeOf = new Map(fresh.trim().split("\n").map((l) => l.split(",").map((x) => x.trim())));
  async function open(name, app, person) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true });
    await prepare(context);
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`${name} page error:`, e.message));
    pages.set(name, page);
    await page.goto(`${server.url}/${app}.html`);
    await page.locator("input[name=person]").fill(person);
    await page.locator("input[name=code]").fill(codeOf.get(person));
    await page.getByTestId("enroll-submit").click();
    await page.getByTestId("who").waitFor({ timeout: 30_000 });
    return page;
  }
  return { chair: await open("chair", "chair", "CB"), desk: await open("desk", "secretary", "SB") };
}
