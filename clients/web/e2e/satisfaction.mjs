// A satisfaction appraisal (满意度测评) in the browser: the real plenumd with a small sitting set
// up through plenum-cli (cli_sitting.mjs) and delegate D001's tablet in headless Chromium. The
// chair creates the appraisal of three items (a resolution's implementation, a proposal's
// handling, a rectification) on a report item; the tablet shows each item's title on its own
// line with 满意 / 基本满意 / 不满意 / 不评 as big buttons (sizes checked for an older delegate's
// finger and eyes); D001 marks two items and leaves the third unrated, reviews and casts; D002
// and D003 vote from the command line; the scrutineers decrypt, sign, the chair announces; the
// tablet shows each item's levels and verdict, the counts equal to the marks. Screenshots go to
// $PLENUM_WEB_ARTIFACTS/satisfaction.
//
// Usage: node e2e/satisfaction.mjs --plenumd PATH --cli PATH [--web-root DIR]
// (needs dist-app/ from `npm run build:app`; exit 0 on success)
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCliHallTest } from "./cli_hall_test.mjs";

const ITEMS = ["关于修缮村道决议的执行情况", "关于改善社区道路照明的提案办理情况", "民主评议提出问题的整改情况"];

await runCliHallTest("satisfaction", async ({ hall, server, cli, browser, artifacts }) => {
  const tablet = await (await browser.newContext({ viewport: { width: 800, height: 1280 }, ignoreHTTPSErrors: true })).newPage();
  tablet.on("pageerror", (e) => console.error("tablet page error:", e.message));
  await tablet.goto(`${server.url}/tablet.html`);
  await tablet.locator("input[name=person]").fill("D001");
  await tablet.locator("input[name=code]").fill(hall.codeOf.get("D001"));
  await tablet.getByTestId("enroll-submit").click();
  await tablet.getByTestId("me-name").waitFor({ timeout: 30_000 });
  await hall.sitUp();
  await cli("CH", ["add-item", "--sitting", "s1", "--item", "i2", "--kind", "report", "--title", "关于上一年度年会决议执行情况的报告", "--order", "2", "--responsible", "党委"]);
  await cli("CH", ["set-current", "--sitting", "s1", "--item", "i2"]);
  await cli("CH", ["create-vote", "--vote", "sat1", "--sitting", "s1", "--item", "i2", "--kind", "satisfaction", "--title", "满意度测评", "--members", ITEMS.join(","), "--subjects", "resolution:r1,proposal:p1,rectification:rc1"]);
  await cli("CH", ["open-vote", "sat1"]);

  // The ballot: every item's title in full, four big buttons under it, 不评 chosen at first.
  const ballot = tablet.getByTestId("ballot-sat1");
  await ballot.waitFor({ timeout: 30_000 });
  const text = await ballot.innerText();
  for (const word of [...ITEMS, "满意度测评", "满意", "基本满意", "不满意", "不评", "不作评价的，点“不评”"]) assert.ok(text.includes(word), `the ballot shows ${word}`);
  for (let i = 0; i < ITEMS.length; ++i) {
    assert.equal(await tablet.getByTestId(`mark-${i}-none`).getAttribute("aria-checked"), "true", `item ${i} starts unrated`);
    for (const id of ["satisfied", "basically_satisfied", "unsatisfied", "none"]) {
      const button = tablet.getByTestId(`mark-${i}-${id}`);
      const box = await button.boundingBox();
      assert.ok(box && box.height >= 64 && box.width >= 120, `mark-${i}-${id} is a big button (${JSON.stringify(box)})`);
      const size = await button.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      assert.ok(size >= 24, `mark-${i}-${id} is in large type (${size}px)`);
    }
    const title = await tablet.locator(".rating-title").nth(i).evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), text: el.textContent }));
    assert.equal(title.text, ITEMS[i]);
    assert.ok(title.size >= 24, `item ${i}'s title is in large type (${title.size}px)`);
  }
  const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  assert.equal(overflow, false, "the ballot fits the tablet's width");
  await tablet.screenshot({ path: join(artifacts, "tablet-ballot.png"), fullPage: true });

  // 满意 for the first item, 基本满意 for the second (after changing her mind from 不满意), no
  // rating for the third.
  await tablet.getByTestId("mark-0-satisfied").click();
  await tablet.getByTestId("mark-1-unsatisfied").click();
  await tablet.getByTestId("mark-1-basically_satisfied").click();
  await tablet.getByTestId("mark-2-none").click();
  assert.equal(await tablet.getByTestId("mark-1-unsatisfied").getAttribute("aria-checked"), "false", "one mark per item");
  assert.equal(await tablet.getByTestId("mark-1-basically_satisfied").getAttribute("aria-checked"), "true");
  assert.ok((await tablet.getByTestId("mark-0-satisfied").innerText()).startsWith("✔"), "the chosen level is ticked");
  await tablet.screenshot({ path: join(artifacts, "tablet-ballot-marked.png"), fullPage: true });
  await tablet.getByTestId("review").click();
  const confirm = tablet.getByTestId("confirm");
  await confirm.waitFor({ timeout: 30_000 });
  const summary = await confirm.innerText();
  assert.ok(summary.includes(`${ITEMS[0]}`) && summary.includes("基本满意") && summary.includes("不评"), summary);
  await tablet.screenshot({ path: join(artifacts, "tablet-confirm.png"), fullPage: true });
  await tablet.getByTestId("cast").click();
  await tablet.getByTestId("receipt").waitFor({ timeout: 30_000 });
  await tablet.screenshot({ path: join(artifacts, "tablet-receipt.png"), fullPage: true });

  // Two more ballots from the command line; close, decrypt, sign, announce.
  await cli("D002", ["vote", "sat1", "--grid", "item-0=satisfied,item-1=unsatisfied,item-2=unsatisfied"]);
  await cli("D003", ["vote", "sat1", "--grid", "item-0=basically_satisfied,item-1=unsatisfied"]);
  await cli("CH", ["close-vote", "sat1"]);
  await cli("S1", ["--pin", "1111", "decrypt", "sat1"]);
  await cli("S2", ["--pin", "2222", "decrypt", "sat1"]);
  const result = await cli("CH", ["result", "sat1"]);
  // item-0: 满意 2, 基本满意 1; item-1: 基本满意 1, 不满意 2; item-2: 不满意 1, two unrated.
  assert.deepEqual(result.counts, [2, 1, 0, 0, 1, 2, 0, 0, 1], JSON.stringify(result));
  assert.deepEqual(result.outcome.flagged, ["item-1", "item-2"]);
  await cli("S1", ["sign-result", "sat1"]);
  await cli("S2", ["sign-result", "sat1"]);
  await cli("CH", ["announce-result", "sat1"]);

  // The tablet shows the announced result: each item's levels and verdict.
  const shown = tablet.getByTestId("result-sat1");
  await shown.waitFor({ timeout: 30_000 });
  await tablet.getByTestId("satisfaction-verdict").waitFor({ timeout: 30_000 });
  const verdict = await tablet.getByTestId("satisfaction-verdict").innerText();
  assert.ok(verdict.includes(`评定为不满意：${ITEMS[1]}、${ITEMS[2]}`) || verdict.includes(`评定为不满意：${ITEMS[1]}，${ITEMS[2]}`), verdict);
  assert.ok(verdict.includes("至少 2 票"), verdict);
  const first = await tablet.getByTestId("item-item-0").innerText();
  assert.ok(first.includes("评定：满意") && first.includes("100.00%"), first);
  await tablet.screenshot({ path: join(artifacts, "tablet-result.png"), fullPage: true });
});
