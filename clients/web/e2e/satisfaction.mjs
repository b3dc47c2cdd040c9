// A satisfaction appraisal (满意度测评) in the browser: the real plenumd with a small sitting set
// up through plenum-cli (cli_sitting.mjs) and delegate D001's tablet in headless Chromium. The
// sitting adopts a resolution (a motion on the budget report) and the liaison office accepts two
// delegates' proposals; then the chair, on the console in the browser, creates the appraisal on
// a report item by ticking the resolution and the two proposals in the create-vote form (the
// items are named after them, in the order ticked), and opens it; the tablet shows each item's title on its own
// line with 满意 / 基本满意 / 不满意 / 不评 as big buttons (sizes checked for an older delegate's
// finger and eyes); D001 marks two items and leaves the third unrated, reviews and casts; D002
// and D003 vote from the command line; the scrutineers decrypt, sign, the chair announces; the
// tablet shows each item's levels and verdict, the counts equal to the marks. The chair closes
// the vote and announces the result from the console. Screenshots go to
// $PLENUM_WEB_ARTIFACTS/satisfaction.
//
// Usage: node e2e/satisfaction.mjs --plenumd PATH --cli PATH [--web-root DIR]
// (needs dist-app/ from `npm run build:app`; exit 0 on success)
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCliHallTest } from "./cli_hall_test.mjs";

// The subjects' own titles: the resolution's (its motion's title) and the two proposals'.
const ITEMS = ["关于修缮村道的决议", "关于改善社区道路照明的提案", "关于增设农村客运班线的提案"];

await runCliHallTest("satisfaction", async ({ hall, server, cli, browser, artifacts }) => {
  const tablet = await (await browser.newContext({ viewport: { width: 800, height: 1280 }, ignoreHTTPSErrors: true })).newPage();
  tablet.on("pageerror", (e) => console.error("tablet page error:", e.message));
  await tablet.goto(`${server.url}/tablet.html`);
  await tablet.locator("input[name=person]").fill("D001");
  await tablet.locator("input[name=code]").fill(hall.codeOf.get("D001"));
  await tablet.getByTestId("enroll-submit").click();
  await tablet.getByTestId("me-name").waitFor({ timeout: 30_000 });
  await hall.sitUp();
  // The resolution: the motion on the budget report (a major matter) passes, 2 of 3 seated.
  await hall.openMotion("m1", ITEMS[0]);
  await cli("D002", ["vote", "m1", "--choice", "for"]);
  await cli("D003", ["vote", "m1", "--choice", "for"]);
  await cli("CH", ["close-vote", "m1"]);
  await cli("S1", ["--pin", "1111", "decrypt", "m1"]);
  await cli("S2", ["--pin", "2222", "decrypt", "m1"]);
  await cli("S1", ["sign-result", "m1"]);
  await cli("S2", ["sign-result", "m1"]);
  await cli("CH", ["announce-result", "m1"]);
  // Two proposals accepted (立案) by the liaison office, one of them answered already.
  const p1 = (await cli("D002", ["submit-proposal", "--title", ITEMS[1], "--text", "建议在社区主干道加装路灯。"])).proposal_id;
  const p2 = (await cli("D003", ["submit-proposal", "--title", ITEMS[2], "--text", "建议增设镇区至各村的客运班线。"])).proposal_id;
  await cli("SE", ["accept-proposal", p1, "--unit", "住建局"]);
  await cli("SE", ["accept-proposal", p2, "--unit", "交通运输局"]);
  await cli("SE", ["answer-proposal", p1, "--text", "已列入本年度改造计划。"]);
  await cli("CH", ["add-item", "--sitting", "s1", "--item", "i2", "--kind", "report", "--title", "关于上一年度年会决议执行情况的报告", "--order", "2", "--responsible", "党委"]);
  await cli("CH", ["set-current", "--sitting", "s1", "--item", "i2"]);

  // The chair's console in the browser (its device enrolled with a fresh code).
  const code = (await cli("SE", ["issue-code", "CH"], true)).trim().split(",")[1];
  const chair = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true, locale: "zh-CN" })).newPage();
  chair.on("pageerror", (e) => console.error("chair page error:", e.message));
  await chair.goto(`${server.url}/chair.html#enroll=CH:${code}`);
  await chair.getByTestId("enroll-submit").click();
  await chair.getByTestId("who").waitFor({ timeout: 30_000 });
  const stateOf = () => chair.evaluate(() => window.plenum.state.get());
  const waitState = async (pred, what) => {
    const end = Date.now() + 30_000;
    for (;;) {
      const st = await stateOf();
      if (st && pred(st)) return st;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await chair.waitForTimeout(100);
    }
  };
  const stepOf = async () => {
    await chair.waitForTimeout(200);
    return chair.getByTestId("next-step-panel").getAttribute("data-step");
  };
  assert.equal(await stepOf(), "create_vote");
  await chair.selectOption('select[name="vote_kind"]', "satisfaction");
  await chair.fill('input[name="vote_title"]', "满意度测评");
  // The subjects the term has, each with its status; ticked in the order the items go.
  const picker = chair.getByTestId("satisfaction-subjects");
  await picker.waitFor({ timeout: 30_000 });
  const offered = await picker.innerText();
  for (const word of [...ITEMS, "会议决议执行情况", "代表提案办理情况", "未报告", "已答复，待评价", "已立案，办理中"]) assert.ok(offered.includes(word), `the form offers ${word}: ${offered}`);
  // The console's proposals card names each one's handling as the liaison desk does.
  await chair.getByTestId(`proposal-status-${p1}`).filter({ hasText: "已答复，待评价" }).waitFor({ timeout: 30_000 });
  await chair.getByTestId(`proposal-status-${p2}`).filter({ hasText: "已立案，办理中" }).waitFor({ timeout: 30_000 });
  const follow = await cli("SE", ["follow-up"]);
  const resolution = follow.follow_up.resolutions[0].id;
  await chair.getByTestId(`subject-resolution-${resolution}`).locator("input").check();
  await chair.getByTestId(`subject-proposal-${p1}`).locator("input").check();
  await chair.getByTestId(`subject-proposal-${p2}`).locator("input").check();
  assert.equal(await chair.locator('textarea[name="people"]').count(), 0, "no titles to type once subjects are ticked");
  const chosen = await chair.getByTestId("subjects-chosen").locator("li").allInnerTexts();
  assert.deepEqual(chosen, ITEMS, "the items in the order ticked");
  await chair.waitForTimeout(1200); // the next step's button is inert for a second after it appears
  await chair.screenshot({ path: join(artifacts, "chair-create-satisfaction.png"), fullPage: true });
  await chair.getByTestId("next-step").click();
  const created = await waitState((st) => st.votes.some((v) => v.kind === "satisfaction"), "the appraisal created");
  const sat = created.votes.find((v) => v.kind === "satisfaction").id;
  assert.equal(await chair.getByTestId("error").count(), 0, "the console shows no error");
  assert.equal(await stepOf(), "open_vote");
  await chair.getByTestId("next-step").click();
  await waitState((st) => st.votes.find((v) => v.id === sat)?.status === "open", "the appraisal open");


  // The ballot: every item's title in full, four big buttons under it, 不评 chosen at first.
  const ballot = tablet.getByTestId(`ballot-${sat}`);
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
  await cli("D002", ["vote", sat, "--grid", "item-0=satisfied,item-1=unsatisfied,item-2=unsatisfied"]);
  await cli("D003", ["vote", sat, "--grid", "item-0=basically_satisfied,item-1=unsatisfied"]);
  assert.equal(await stepOf(), "close_vote");
  await chair.getByTestId("next-step").click();
  await chair.getByTestId("confirm-ok").click();
  await waitState((st) => st.votes.find((v) => v.id === sat)?.status === "closed", "the appraisal closed");
  await cli("S1", ["--pin", "1111", "decrypt", sat]);
  await cli("S2", ["--pin", "2222", "decrypt", sat]);
  const result = await cli("S1", ["result", sat]);
  // item-0: 满意 2, 基本满意 1; item-1: 基本满意 1, 不满意 2; item-2: 不满意 1, two unrated.
  assert.deepEqual(result.counts, [2, 1, 0, 0, 1, 2, 0, 0, 1], JSON.stringify(result));
  assert.deepEqual(result.outcome.flagged, ["item-1", "item-2"]);
  await cli("S1", ["sign-result", sat]);
  await cli("S2", ["sign-result", sat]);
  await chair.waitForFunction(() => document.querySelector('[data-testid="next-step-panel"]')?.dataset.step === "announce", null, { timeout: 30_000 });
  await chair.getByTestId("next-step").click();
  await chair.getByTestId("confirm-ok").click();
  await waitState((st) => st.votes.find((v) => v.id === sat)?.announced === true, "the appraisal announced");
  await chair.screenshot({ path: join(artifacts, "chair-announced.png"), fullPage: true });

  // The tablet shows the announced result: each item's levels and verdict.
  const shown = tablet.getByTestId(`result-${sat}`);
  await shown.waitFor({ timeout: 30_000 });
  await tablet.getByTestId("satisfaction-verdict").waitFor({ timeout: 30_000 });
  const verdict = await tablet.getByTestId("satisfaction-verdict").innerText();
  assert.ok(verdict.includes(`评定为不满意：${ITEMS[1]}、${ITEMS[2]}`) || verdict.includes(`评定为不满意：${ITEMS[1]}，${ITEMS[2]}`), verdict);
  assert.ok(verdict.includes("至少 2 票"), verdict);
  const first = await tablet.getByTestId("item-item-0").innerText();
  assert.ok(first.includes("评定：满意") && first.includes("100.00%"), first);
  await tablet.screenshot({ path: join(artifacts, "tablet-result.png"), fullPage: true });
});
