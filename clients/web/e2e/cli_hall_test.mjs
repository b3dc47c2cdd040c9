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
import { startCliSitting } from "./cli_sitting.mjs";
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
