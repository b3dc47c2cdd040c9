// The county organisation department's view in the browser: a real plenumd holding two
// townships (their logs written weeks ago by township_history_tool, each with a proposal now
// overdue) and a third created empty; the officer enrolls the county account with the operator's
// code on county.html and reads every township's monthly reports and overdue proposals, in
// zh-CN, zh-TW and en, on a desk screen and a phone; the townships that owe a report and sent
// none (south, and the new east) marked 未报送, last month's report 待报送 at once. A township's secretary page opened with
// ?township=south reaches south only. Screenshots in $PLENUM_WEB_ARTIFACTS/county.
//
//   node e2e/county.mjs --plenumd PATH --history PATH [--web-root DIR]
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launch } from "./browser.mjs";
import { screenChecks } from "./screen_checks.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const { values: opts } = parseArgs({
  options: {
    plenumd: { type: "string" },
    history: { type: "string" },
    "web-root": { type: "string", default: resolve(here, "../dist-app") },
  },
});
assert.ok(opts.plenumd && opts.history, "--plenumd PATH and --history PATH are required");
const artifacts = join(process.env.PLENUM_WEB_ARTIFACTS ?? resolve(here, "../../../build/test-artifacts/web"), "county");
await mkdir(artifacts, { recursive: true });
const { shot, problems } = screenChecks(artifacts);

const DESK = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TOWNSHIPS = [
  { id: "north", name: "北乡", title: "关于修缮北乡村道的提案", report: true },
  { id: "south", name: "南镇", title: "关于南镇饮水安全的提案" },
];

async function waitForFile(path, ms, child) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await readFile(path, "utf8");
    } catch {
      if (child.exitCode !== null) throw new Error(`plenumd exited with ${child.exitCode}`);
      if (Date.now() > end) throw new Error(`plenumd did not write ${path}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const dir = await mkdtemp(join(tmpdir(), "plenum-county-e2e-"));
const data = join(dir, "data");
const proposals = new Map();
for (const tw of TOWNSHIPS) {
  const id = execFileSync(opts.history, [join(data, "townships", tw.id), tw.id, tw.name, tw.title, ...(tw.report ? ["report"] : [])], { encoding: "utf8" }).trim();
  proposals.set(tw.id, id);
}
const ready = join(dir, "port");
const child = spawn(
  opts.plenumd,
  [
    "--data-dir", data, "--listen", "127.0.0.1", "--port", "0", "--threads", "2", "--ready-file", ready,
    "--web-root", opts["web-root"],
    ...TOWNSHIPS.flatMap((tw) => ["--township", `${tw.id}=${tw.name}`]),
    "--township", "east=东镇",
    "--county-id", "demo-county", "--county-name", "示范县", "--county-account", "org=县委组织部",
  ],
  { stdio: ["ignore", "pipe", "pipe"] },
);
let output = "";
child.stdout.on("data", (d) => (output += d));
child.stderr.on("data", (d) => (output += d));

let browser;
let failed = false;
const pages = new Map();
try {
  const port = Number((await waitForFile(ready, 60_000, child)).trim());
  const url = `https://127.0.0.1:${port}`;
  const credentials = await readFile(join(data, "county", "county-credentials.txt"), "utf8");
  const code = credentials.split("\n").find((l) => l.startsWith("org\t")).split("\t")[2];
  assert.ok(code, credentials);
  assert.ok(!output.includes(code), "the county code must not reach plenumd's log");
  browser = await launch();

  // The officer at a desk: enroll, then the overview.
  const desk = await (await browser.newContext({ viewport: DESK, ignoreHTTPSErrors: true })).newPage();
  desk.on("pageerror", (e) => console.error("county page error:", e.message));
  pages.set("desk", desk);
  await desk.goto(`${url}/county.html`);
  await desk.locator("input[name=person]").waitFor({ timeout: 30_000 });
  await shot(desk, "01-enroll", { touch: false });
  await desk.locator("input[name=person]").fill("org");
  await desk.locator("input[name=code]").fill(code);
  await desk.getByTestId("enroll-submit").click();
  await desk.getByTestId("county-summary").waitFor({ timeout: 30_000 });
  assert.match(await desk.getByTestId("who").innerText(), /县委组织部/);
  assert.match(await desk.getByTestId("county-count").innerText(), /共 3 个乡镇/);
  for (const tw of TOWNSHIPS) {
    const row = await desk.getByTestId(`county-row-${tw.id}`).innerText();
    assert.match(row, new RegExp(tw.name));
    assert.match(row, /2 件/); // the proposal and the latest month's report past due
    const card = desk.getByTestId(`county-township-${tw.id}`);
    const overdue = await card.getByTestId(`county-overdue-${tw.id}-${proposals.get(tw.id)}`).innerText();
    assert.match(overdue, new RegExp(tw.title));
    assert.match(overdue, /办理期限：2026-10-23/);
    assert.match(overdue, /已超期 \d+ 个工作日/);
  }
  assert.match(await desk.getByTestId("county-row-north").innerText(), /已报送 1 期，最近一期 2026-09/);
  assert.match(await desk.getByTestId("county-township-north").innerText(), /2026-09 月度书面报告/);
  assert.match(await desk.getByTestId("county-township-south").innerText(), /尚未报送月度书面报告/);
  assert.match(await desk.getByTestId("county-row-south").innerText(), /超期未报 1 期/);
  // Each township's card holds its own proposal only.
  assert.doesNotMatch(await desk.getByTestId("county-township-north").innerText(), /南镇饮水/);
  assert.doesNotMatch(await desk.getByTestId("county-township-south").innerText(), /北乡村道/);
  assert.match(await desk.getByTestId("county-township-east").innerText(), /目前没有超期事项/);
  // A township that owes a report and has sent none is marked, the new east (term from 1 January
  // 2026, nothing issued) as much as south; last month's report is flagged the day its month
  // ended, before its due date.
  for (const id of ["south", "east"]) assert.equal((await desk.getByTestId(`county-missing-${id}`).innerText()).trim(), "未报送");
  assert.equal(await desk.getByTestId("county-missing-north").count(), 0);
  assert.match(await desk.getByTestId("county-row-east").innerText(), /超期未报 1 期/);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [year, month] = today.split("-").map(Number);
  const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
  if (Number(today.slice(8, 10)) <= 30) {
    assert.match(await desk.getByTestId(`county-awaited-north-${lastMonth}`).innerText(), new RegExp(`${lastMonth} 月度书面报告待报送`));
    assert.match(await desk.getByTestId("county-row-east").innerText(), /待报 1 期/);
  }
  assert.match(await desk.getByTestId("county-township-north").innerText(), /目前没有超期的意见建议/);
  await shot(desk, "02-overview-zh-CN", { touch: false });

  await desk.getByTestId("lang-zh-TW").click();
  await desk.getByText("各鄉鎮一覽").waitFor();
  assert.match(await desk.getByTestId("county-township-north").innerText(), /已逾期 \d+ 個工作日/);
  await shot(desk, "03-overview-zh-TW", { touch: false });
  await desk.getByTestId("lang-en").click();
  await desk.getByText("All townships").waitFor();
  assert.match(await desk.getByTestId("county-township-south").innerText(), /working days overdue/);
  await shot(desk, "04-overview-en", { touch: false });

  // The same page at a phone's width (same browser, so the same enrolled key).
  const phone = await desk.context().newPage();
  await phone.setViewportSize(PHONE);
  pages.set("phone", phone);
  await phone.goto(`${url}/county.html`);
  await phone.getByTestId("county-summary").waitFor({ timeout: 30_000 });
  await shot(phone, "05-overview-phone");

  // A township's own page: the secretary's desk opened for south connects to south only.
  const south = await (await browser.newContext({ viewport: DESK, ignoreHTTPSErrors: true })).newPage();
  pages.set("south", south);
  await south.goto(`${url}/secretary.html?township=south`);
  await south.locator("input[name=person]").waitFor({ timeout: 30_000 });
  const congress = await south.evaluate(async () => {
    for (let i = 0; i < 100 && !window.plenum?.congressId; ++i) await new Promise((r) => setTimeout(r, 100));
    return window.plenum.congressId;
  });
  assert.equal(congress, "south");
} catch (e) {
  failed = true;
  console.error(e);
  console.error(output);
  for (const [name, page] of pages) await page.screenshot({ path: join(artifacts, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
} finally {
  await browser?.close();
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
}
if (problems.length) {
  console.error(problems.join("\n"));
  failed = true;
}
console.log(failed ? "county view: FAILED" : "county view: passed");
process.exit(failed ? 1 : 0);
