// The standing term in the browser: the liaison office's desk (the secretary's app at 1280×800)
// and delegates' phones (the tablet app at 390×844) against the real plenumd. A small sitting set
// up through plenum-cli (cli_sitting.mjs) adopts a resolution (a motion on a major matter) and
// decides a democratic appraisal, then closes. Delegate D001 submits a proposal from the phone
// with co-signer D002 found by name; the desk sets the year's calendar (the acceptance deadline
// the form prefills moves past the new holiday, as the server counts it), accepts the proposal
// with a handling unit, records the answer; the phone rates it 不满意 (the reminder says it goes
// back once), the desk records the second answer, the phone rates it 满意 and it is closed;
// D002's phone shows it under the proposals co-signed. On the desk's follow-up section a report
// on the resolution marked 受阻 is refused until it has its reason, a rectification item is
// opened from the appraisal; a delegate leaves the roster with the reason (confirmed first); the
// next annual meeting opens with the follow-up reports, whose materials the desk refreshes. A
// half-filled acceptance form stays under its own proposal when 全部 re-sorts the list. D001's
// phone is off the network (its connection dropped, every new one refused) while the desk
// records the second answer; once back, the phone shows that answer to rate.
// Screenshots go to $PLENUM_WEB_ARTIFACTS/term; each is checked for horizontal overflow, the
// phone's for touch targets under 48 px, and all with axe-core.
//
// Usage: node e2e/term_desk.mjs --plenumd PATH --cli PATH [--web-root DIR]   (exit 0 on success)
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCliHallTest } from "./cli_hall_test.mjs";
import { cableOf } from "./network_cable.mjs";

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };
const TITLE = "关于修缮村小学操场的提案";

/** The ISO date after `iso` that is Monday to Friday and not in `holidays`. */
function nextWorkingDay(iso, holidays) {
  let d = new Date(`${iso}T00:00:00Z`);
  for (;;) {
    d = new Date(d.getTime() + 86_400_000);
    const text = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.includes(text)) return text;
  }
}

await runCliHallTest("term", async ({ hall, server, cli, browser, artifacts, shot, pages }) => {
  const cables = new Map();
  const phoneOf = async (person, code) => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true });
    cables.set(person, await cableOf(context));
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`${person} page error:`, e.message));
    await page.goto(`${server.url}/tablet.html`);
    await page.locator("input[name=person]").fill(person);
    await page.locator("input[name=code]").fill(code);
    await page.getByTestId("enroll-submit").click();
    await page.getByTestId("me-name").waitFor({ timeout: 30_000 });
    pages.set(`phone-${person}`, page);
    return page;
  };
  const phone = await phoneOf("D001", hall.codeOf.get("D001"));

  // The year so far: a resolution adopted and an appraisal decided, then the sitting closes.
  await hall.sitUp();
  await hall.openMotion("m1", "关于预算报告的决议");
  for (const d of ["D002", "D003"]) await cli(d, ["vote", "m1", "--choice", "for"]);
  // Decrypted, checked and signed by the scrutineers, announced: the resolution is unsealed.
  const decide = async (vote) => {
    await cli("CH", ["close-vote", vote]);
    await cli("S1", ["--pin", "1111", "decrypt", vote]);
    await cli("S2", ["--pin", "2222", "decrypt", vote]);
    await cli("S1", ["sign-result", vote]);
    await cli("S2", ["sign-result", vote]);
    await cli("CH", ["announce-result", vote]);
  };
  await decide("m1");
  await cli("CH", ["add-item", "--sitting", "s1", "--item", "i2", "--kind", "appraisal", "--title", "民主评议党委班子成员", "--order", "2", "--responsible", "党委"]);
  await cli("CH", ["set-current", "--sitting", "s1", "--item", "i2"]);
  await cli("CH", ["create-vote", "--vote", "a1", "--sitting", "s1", "--item", "i2", "--kind", "appraisal", "--title", "对党委班子成员的民主评议", "--members", "陈静,赵强"]);
  await cli("CH", ["open-vote", "a1"]);
  await cli("D002", ["vote", "a1", "--grid", "member-0=excellent,member-1=basic"]);
  await cli("D003", ["vote", "a1", "--grid", "member-0=competent,member-1=incompetent"]);
  await decide("a1");
  await cli("CH", ["close-sitting", "s1"]);
  // The desk and D002's phone enroll in the browser (their command-line keys are replaced).
  const codes = await cli("SE", ["issue-code", "SE", "D002"], true);
  const newCode = new Map(codes.trim().split("\n").map((l) => l.split(",").map((x) => x.trim())));
  const deskContext = await browser.newContext({ viewport: DESK, ignoreHTTPSErrors: true });
  const desk = await deskContext.newPage();
  desk.on("pageerror", (e) => console.error("desk page error:", e.message));
  pages.set("desk", desk);
  await desk.goto(`${server.url}/secretary.html`);
  await desk.locator("input[name=person]").fill("SE");
  await desk.locator("input[name=code]").fill(newCode.get("SE"));
  await desk.getByTestId("enroll-submit").click();
  await desk.getByTestId("nav-proposals").waitFor({ timeout: 30_000 });
  console.log("set up");

  // 1. The delegate submits a proposal from the phone, the co-signer found by name.
  await phone.getByTestId("proposal-title").fill(TITLE);
  await phone.getByTestId("proposal-text").fill("村小学操场坑洼积水，雨天学生无法上体育课。建议镇里安排资金修缮。");
  await phone.getByTestId("cosigner-search").fill("李秀");
  await phone.getByTestId("cosigner-add-D002").click();
  await phone.getByTestId("cosigner-D002").waitFor();
  await shot(phone, "phone-proposal-form");
  await phone.getByTestId("proposal-submit").click();
  await phone.getByTestId("proposal-done").waitFor({ timeout: 30_000 });
  const mine = phone.locator('[data-testid^="my-proposal-"]').filter({ hasText: TITLE });
  await mine.waitFor({ timeout: 30_000 });
  assert.ok((await mine.innerText()).includes("待处理"), await mine.innerText());
  assert.ok((await mine.innerText()).includes("李秀英"), "the co-signer by name");
  await shot(phone, "phone-proposal-submitted");

  // 2. The desk: the calendar moves the default deadline, then the proposal is accepted.
  await desk.getByTestId("nav-proposals").click();
  const row = desk.locator('li[data-testid^="proposal-"]').filter({ hasText: TITLE });
  await row.waitFor({ timeout: 30_000 });
  const id = (await row.getAttribute("data-testid")).slice("proposal-".length);
  assert.ok((await row.innerText()).includes("李秀英"), "the co-signer on the desk");
  assert.ok((await row.innerText()).includes("待处理"));
  await desk.getByTestId(`accept-open-${id}`).click();
  const firstDefault = await desk.getByTestId(`accept-deadline-${id}`).inputValue();
  assert.match(firstDefault, /^\d{4}-\d{2}-\d{2}$/, "the deadline is prefilled");
  const year = firstDefault.slice(0, 4);
  await desk.getByTestId("calendar-year").selectOption(year);
  await desk.getByTestId("calendar-holidays").fill(`${firstDefault}\n${year}-13-01`);
  assert.ok((await desk.getByTestId("calendar-bad").innerText()).includes(`${year}-13-01`), "a date that does not exist is named");
  assert.ok(await desk.getByTestId("calendar-save").isDisabled());
  await desk.getByTestId("calendar-holidays").fill(firstDefault);
  await desk.getByTestId("calendar-save").click();
  await desk.getByTestId("calendar-save-done").waitFor({ timeout: 30_000 });
  await desk.getByTestId("calendar-summary").filter({ hasText: "节假日 1 天" }).waitFor();
  await shot(desk, "desk-calendar", { touch: false });
  // The open form now prefills the next working day after the new holiday.
  const expected = nextWorkingDay(firstDefault, [firstDefault]);
  await desk.waitForFunction(([tid, want]) => document.querySelector(`[data-testid="${tid}"]`)?.value === want, [`accept-deadline-${id}`, expected]);
  assert.ok(await desk.getByTestId(`accept-${id}`).isDisabled(), "no acceptance without a unit");
  await desk.getByTestId(`accept-unit-${id}`).fill("镇教育办");
  await shot(desk, "desk-accept-form", { touch: false });
  await desk.getByTestId(`accept-${id}`).click();
  await desk.getByTestId(`proposal-status-${id}`).filter({ hasText: "已立案，办理中" }).waitFor({ timeout: 30_000 });
  assert.equal(await desk.getByTestId(`proposal-deadline-${id}`).innerText(), `办理期限：${expected}`, "the server counted the same deadline");
  assert.equal(await desk.getByTestId(`proposal-overdue-${id}`).count(), 0, "not overdue");

  // 3. The first answer, rated 不满意 on the phone: back for handling once.
  await desk.getByTestId(`answer-open-${id}`).click();
  assert.ok(await desk.getByTestId(`answer-${id}`).isDisabled(), "no answer without its text");
  await desk.getByTestId(`answer-text-${id}`).fill("已列入明年预算，待资金到位后实施。");
  await desk.getByTestId(`answer-${id}`).click();
  await desk.getByTestId(`proposal-status-${id}`).filter({ hasText: "已答复，待评价" }).waitFor({ timeout: 30_000 });
  await shot(desk, "desk-answered", { touch: false });
  const rate = phone.getByTestId(`rate-${id}`);
  await rate.waitFor({ timeout: 30_000 });
  assert.ok((await phone.getByTestId(`rate-reminder-${id}`).innerText()).includes("退回承办单位重新办理一次"));
  assert.ok((await phone.getByTestId("rate-waiting").innerText()).includes("1"));
  for (const r of ["satisfied", "basically_satisfied", "unsatisfied"]) {
    const box = await phone.getByTestId(`rate-${id}-${r}`).boundingBox();
    assert.ok(box.height >= 64 && box.width >= 300, `${r}: a large button (${box.width}×${box.height})`);
  }
  await shot(phone, "phone-rate-first-answer");
  // What the delegate sees on the screen itself, the rating in reach.
  await phone.getByTestId(`my-proposal-${id}`).scrollIntoViewIfNeeded();
  await phone.screenshot({ path: join(artifacts, "phone-rate-first-answer-screen.png") });
  await phone.getByTestId(`rate-${id}-unsatisfied`).click();
  // The choice is shown back before it is sent; 重新选择 returns to the three buttons.
  assert.ok((await phone.getByTestId(`rate-confirm-${id}`).innerText()).includes("不满意"));
  await phone.getByTestId(`rate-back-${id}`).click();
  await phone.getByTestId(`rate-${id}-unsatisfied`).click();
  await shot(phone, "phone-rate-confirm");
  await phone.getByTestId(`rate-send-${id}`).click();
  await phone.getByTestId(`my-status-${id}`).filter({ hasText: "重新办理中" }).waitFor({ timeout: 30_000 });
  assert.ok((await phone.getByTestId(`answer-${id}-1`).innerText()).includes("不满意"));
  await shot(phone, "phone-rehandling");

  // 4. The second answer, recorded while the phone is off the network, rated 满意 once the phone
  // is back (its catch-up replays the course only: the proposals screen reads its view again).
  await desk.getByTestId(`proposal-status-${id}`).filter({ hasText: "重新办理中" }).waitFor({ timeout: 30_000 });
  await cables.get("D001").pull();
  const conn = phone.getByTestId("conn");
  await phone.waitForFunction(() => window.plenum.status.get() !== "online", null, { timeout: 10_000 });
  await desk.getByTestId(`answer-open-${id}`).click();
  await desk.getByTestId(`answer-text-${id}`).fill("镇里已拨付专项资金，操场修缮将于暑假完成。");
  await desk.getByTestId(`answer-${id}`).click();
  await desk.getByTestId(`proposal-status-${id}`).filter({ hasText: "已答复，待评价" }).waitFor({ timeout: 30_000 });
  assert.equal(await phone.getByTestId(`rate-${id}`).count(), 0, "the phone away has not seen the answer");
  assert.ok((await phone.getByTestId(`my-status-${id}`).innerText()).includes("重新办理中"), "the phone away still shows the handling");
  assert.ok((await conn.innerText()).includes("正在"), `the phone says it is reconnecting: ${await conn.innerText()}`);
  await shot(phone, "phone-away");
  const resubscribedBefore = await phone.evaluate(() => window.plenum.resubscribed.get());
  cables.get("D001").plugIn();
  await phone.getByTestId(`rate-${id}`).waitFor({ timeout: 30_000 });
  assert.equal(await conn.innerText(), "已连接");
  assert.equal(await phone.evaluate(() => window.plenum.resubscribed.get()), resubscribedBefore + 1, "subscribed again once");
  assert.ok((await phone.getByTestId(`answer-${id}-2`).innerText()).includes("镇里已拨付专项资金"), "the answer given while away");
  await shot(phone, "phone-back-with-answer");
  assert.ok((await phone.getByTestId(`rate-reminder-${id}`).innerText()).includes("最终评价"));
  await shot(phone, "phone-rate-second-answer");
  await phone.getByTestId(`rate-${id}-satisfied`).click();
  await phone.getByTestId(`rate-send-${id}`).click();
  await phone.getByTestId(`my-status-${id}`).filter({ hasText: "已办结" }).waitFor({ timeout: 30_000 });
  assert.equal(await phone.getByTestId(`rate-${id}`).count(), 0, "nothing left to rate");
  assert.ok((await phone.getByTestId(`answer-${id}-2`).innerText()).includes("满意"));
  await shot(phone, "phone-closed");
  await desk.getByTestId("filter-all").click();
  await desk.getByTestId(`proposal-status-${id}`).filter({ hasText: "已办结" }).waitFor({ timeout: 30_000 });
  await shot(desk, "desk-proposals-closed", { touch: false });
  console.log(`proposal ${id}: accepted (due ${expected}), 不满意, answered again, 满意`);

  // A half-filled form stays with its proposal when the list re-sorts: a second proposal's
  // acceptance form is open under 办理中 alone, then 全部 puts the closed one above it.
  const SECOND = "关于维修村口路灯的建议";
  await phone.getByTestId("proposal-title").fill(SECOND);
  await phone.getByTestId("proposal-text").fill("村口三盏路灯损坏已久，夜间出行不便。");
  await phone.getByTestId("proposal-submit").click();
  await phone.locator('[data-testid^="my-proposal-"]').filter({ hasText: SECOND }).waitFor({ timeout: 30_000 });
  await desk.getByTestId("filter-open").click();
  const secondRow = desk.locator('li[data-testid^="proposal-"]').filter({ hasText: SECOND });
  await secondRow.waitFor({ timeout: 30_000 });
  const id2 = (await secondRow.getAttribute("data-testid")).slice("proposal-".length);
  await desk.getByTestId(`accept-open-${id2}`).click();
  await desk.getByTestId(`accept-unit-${id2}`).fill("镇建设办");
  await desk.getByTestId("filter-all").click();
  await desk.getByTestId(`proposal-${id}`).waitFor({ timeout: 30_000 });
  const order = await desk.locator('ul.desk-proposals > li[data-testid^="proposal-"]').evaluateAll((xs) => xs.map((x) => x.dataset.testid));
  assert.ok(order.indexOf(`proposal-${id}`) < order.indexOf(`proposal-${id2}`), `the closed proposal now comes first: ${order}`);
  assert.equal(await desk.getByTestId(`accept-form-${id2}`).count(), 1, "the form stayed open under its own proposal");
  assert.equal(await desk.getByTestId(`accept-unit-${id2}`).inputValue(), "镇建设办", "with what was typed in it");
  assert.equal(await desk.locator('[data-testid^="accept-form-"]').count(), 1, "no form under another proposal");
  assert.equal(await desk.getByTestId(`proposal-${id}`).locator('[data-testid^="accept-form-"]').count(), 0);
  await shot(desk, "desk-proposals-resorted", { touch: false });
  await desk.getByTestId(`accept-open-${id2}`).click();

  // The co-signer sees it on their own phone.
  const cosigner = await phoneOf("D002", newCode.get("D002"));
  const cosigned = cosigner.getByTestId("cosigned-proposals");
  await cosigned.filter({ hasText: TITLE }).waitFor({ timeout: 30_000 });
  assert.ok((await cosigned.innerText()).includes("王建国"), "the proposer by name");
  assert.equal(await cosigner.getByTestId(`rate-${id}`).count(), 0, "a co-signer does not rate");
  await shot(cosigner, "phone-cosigner");

  // 5. Follow-up: a blocked report needs its reason; a rectification item from the appraisal.
  await desk.getByTestId("nav-followup").click();
  const resolution = desk.locator('li[data-testid^="resolution-"]').first();
  await resolution.waitFor({ timeout: 30_000 });
  const rid = (await resolution.getAttribute("data-testid")).slice("resolution-".length);
  assert.ok((await resolution.innerText()).includes("未报告"));
  await desk.getByTestId(`report-open-${rid}`).click();
  await desk.getByTestId(`report-status-${rid}-blocked`).click();
  await desk.getByTestId(`report-text-${rid}`).fill("道路硬化工程已招标。");
  assert.ok(await desk.getByTestId(`report-save-${rid}`).isDisabled(), "a blocked report waits for its reason");
  assert.ok((await desk.getByTestId(`report-form-${rid}`).innerText()).includes("请写明受阻原因"));
  await shot(desk, "desk-report-blocked-no-reason", { touch: false });
  await desk.getByTestId(`report-reason-${rid}`).fill("县级配套资金尚未到位");
  await desk.getByTestId(`report-save-${rid}`).click();
  await desk.getByTestId(`resolution-status-${rid}`).filter({ hasText: "受阻" }).waitFor({ timeout: 30_000 });
  assert.ok((await resolution.innerText()).includes("县级配套资金尚未到位"));
  await desk.getByTestId("rectification-form").locator("summary").click();
  await desk.getByTestId("rectification-vote").selectOption("a1");
  await desk.getByTestId("rectification-member").selectOption("赵强");
  await desk.getByTestId("rectification-problem").fill("联系群众不够，下村调研次数少。");
  await desk.getByTestId("rectification-responsible").fill("赵强");
  await desk.getByTestId("rectification-save").click();
  const item = desk.locator('li[data-testid^="rectification-"]').filter({ hasText: "联系群众不够" });
  await item.waitFor({ timeout: 30_000 });
  assert.ok((await item.innerText()).includes("来源：民主评议"));
  await shot(desk, "desk-followup", { touch: false });
  console.log(`resolution ${rid}: blocked with its reason; a rectification item from a1`);

  // 6. A roster change between meetings: D003 leaves, asked first, with the reason.
  await desk.getByTestId("nav-term").click();
  await desk.getByTestId("left-person").selectOption("D003");
  await desk.getByTestId("left-reason").fill("工作调动到县里");
  await desk.getByTestId("left-save").click();
  await desk.getByTestId("confirm-dialog").waitFor();
  await desk.getByTestId("confirm-ok").click({ timeout: 5000 });
  const change = desk.locator('[data-testid^="roster-change-"]').filter({ hasText: "工作调动到县里" });
  await change.waitFor({ timeout: 30_000 });
  assert.ok((await change.innerText()).includes("张伟"), await change.innerText());
  assert.ok((await change.innerText()).includes("离任"));
  await shot(desk, "desk-roster-change", { touch: false });
  console.log("roster: D003 left with the reason");

  // 7. The next annual meeting opens with the follow-up reports; the desk refreshes them.
  await cli("CH", ["create-sitting", "--sitting", "s2", "--title", "第二次年会", "--date", "2027-12-06"]);
  await desk.getByTestId("nav-followup").click();
  const next = desk.getByTestId("followup-sitting-s2");
  await next.waitFor({ timeout: 30_000 });
  assert.ok((await next.innerText()).includes("关于上一年度年会决议执行情况的报告"));
  assert.ok((await next.innerText()).includes("关于民主评议和信任投票整改情况的报告"));
  assert.ok((await next.innerText()).includes("已生成材料 2 份"), await next.innerText());
  await desk.getByTestId("refresh-followup-s2").click();
  await desk.getByTestId("refresh-followup-s2-done").waitFor({ timeout: 30_000 });
  await next.filter({ hasText: "已生成材料 4 份" }).waitFor({ timeout: 30_000 });
  await shot(desk, "desk-followup-materials", { touch: false });
  console.log("next annual meeting: follow-up reports refreshed");

});
