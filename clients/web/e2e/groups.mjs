// Delegate groups and activities in the browser: the secretary's desk at 1280×800 and delegate
// D001's phone (the tablet app at 390×844) against the real plenumd, the rest of the hall through
// plenum-cli (cli_sitting.mjs) on a roster of twelve delegates, eleven of them in the roster's
// group 东片. On the desk's 代表小组与活动: nine ticked delegates are not enough (the form says
// so); the roster's 东片 fills in eleven and the group is formed, flagged as not yet met this
// year; with no decided election the approval form says so and what to do, and arranges the
// group's meeting; that meeting (a sitting of the group) elects 王建国 and 李秀英 by encrypted
// ballots of ten members from the command line, and the desk records the party committee's approval after a
// confirmation. An activity today and one tomorrow are planned (tomorrow's while the phone is off
// the network: it shows once the phone is back); on the phone 我的小组 names the
// leader, tomorrow's activity says its date, today's has a large 签到 button that signs the
// check-in with the phone's key (above it four large jump buttons — 活动签到 / 我的提案 / 我的联系 /
// 我的履职 — each bring their section to the top), then 已签到 with the time; the desk sees it, records one
// delegate without a phone as 请假 with the reason, and records the activity as held with its
// outcome; the group is then shown as having met, and one member leaves it with the reason (two
// would leave nine, which the form refuses). No English on the zh-CN screens; the phone and the
// desk read in zh-TW and en too. Screenshots
// go to $PLENUM_WEB_ARTIFACTS/groups; each is checked for overflow, the phone's for touch
// targets, and all with axe-core.
//
// Usage: node e2e/groups.mjs --plenumd PATH --cli PATH [--web-root DIR]   (exit 0 on success)
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCliHallTest } from "./cli_hall_test.mjs";
import { MEMBERS, ROSTER } from "./groups_hall.mjs";
import { cableOf } from "./network_cable.mjs";

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };

/** Today in Beijing as YYYY-MM-DD, and the day after. */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const dayAfter = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Words of three or more Latin letters on a zh-CN screen (person numbers such as D001 are fine). */
function english(text) {
  return text.match(/[A-Za-z]{3,}/g) ?? [];
}

await runCliHallTest(
  "groups",
  async ({ hall, server, cli, browser, artifacts, shot, pages }) => {
    /** What the phone's screen shows without scrolling, as `name`-screen.png. */
    const screen = (page, name) => page.screenshot({ path: join(artifacts, `${name}-screen.png`) });
    const today = beijingToday();
    const tomorrow = dayAfter(today);
    const year = today.slice(0, 4);

    // D001's phone enrolls first: no group yet.
    const phoneContext = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true, timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    const cable = await cableOf(phoneContext);
    const phone = await phoneContext.newPage();
    phone.on("pageerror", (e) => console.error("phone page error:", e.message));
    pages.set("phone", phone);
    await phone.goto(`${server.url}/tablet.html`);
    await phone.locator("input[name=person]").fill("D001");
    await phone.locator("input[name=code]").fill(hall.codeOf.get("D001"));
    await phone.getByTestId("enroll-submit").click();
    await phone.getByTestId("my-group").waitFor({ timeout: 30_000 });
    assert.ok((await phone.getByTestId("my-group").innerText()).includes("您还没有编入代表小组"));

    // The desk enrolls in the browser (the command line's key for SE is replaced).
    const code = (await cli("SE", ["issue-code", "SE"], true)).trim().split(",")[1].trim();
    const desk = await (await browser.newContext({ viewport: DESK, ignoreHTTPSErrors: true, timezoneId: "Asia/Shanghai", locale: "zh-CN" })).newPage();
    desk.on("pageerror", (e) => console.error("desk page error:", e.message));
    pages.set("desk", desk);
    await desk.goto(`${server.url}/secretary.html`);
    await desk.locator("input[name=person]").fill("SE");
    await desk.locator("input[name=code]").fill(code);
    await desk.getByTestId("enroll-submit").click();
    await desk.getByTestId("nav-groups").waitFor({ timeout: 30_000 });
    assert.equal((await desk.getByTestId("nav-groups").innerText()).trim(), "代表小组与活动");
    await desk.getByTestId("nav-groups").click();
    await desk.getByTestId("groups-ungrouped").filter({ hasText: "12" }).waitFor({ timeout: 30_000 });
    assert.ok((await desk.getByTestId("groups").innerText()).includes("还没有代表小组"));

    // Nine ticked are too few: the form says so and cannot be sent.
    await desk.getByTestId("form-group").locator("summary").click();
    await desk.getByTestId("group-name").fill("东片代表小组");
    await desk.getByTestId("group-basis").selectOption("area");
    for (const n of MEMBERS.slice(0, 9)) await desk.getByTestId(`group-member-${n}`).check();
    assert.equal((await desk.getByTestId("group-picked").innerText()).trim(), "已选 9 人（至少 10 人）");
    assert.ok(await desk.getByTestId("group-submit").isDisabled(), "nine cannot form a group");
    assert.ok((await desk.getByTestId("form-group").innerText()).includes("请勾选至少 10 名代表（已选 9 人）"));
    // The roster's group column fills in the eleven of 东片 (not D012 of 西片).
    await desk.getByTestId("group-from-roster").selectOption("东片");
    assert.equal((await desk.getByTestId("group-picked").innerText()).trim(), "已选 11 人（至少 10 人）");
    assert.ok(!(await desk.getByTestId("group-member-D012").isChecked()), "西片 is not ticked");
    await shot(desk, "desk-form-group", { touch: false });
    await desk.waitForTimeout(1200); // a new button is inert for a second
    await desk.getByTestId("group-submit").click();
    const group = desk.getByTestId("group-G1");
    await group.waitFor({ timeout: 30_000 });
    assert.ok((await group.innerText()).includes("东片代表小组") && (await group.innerText()).includes("11 人"));
    assert.equal((await desk.getByTestId("group-met-G1").innerText()).trim(), `${year}年尚未开展活动`);
    assert.equal((await desk.getByTestId("groups-not-met").innerText()).trim(), `1 个小组${year}年尚未开展活动`);

    // No decided election yet: the approval form says so and what to do; it arranges the meeting.
    await desk.getByTestId("leaders-open-G1").click();
    const noElection = desk.getByTestId("leaders-no-election-G1");
    await noElection.waitFor();
    const said = await noElection.innerText();
    assert.ok(said.includes("本小组还没有计票完成的组长、副组长选举") && said.includes("主持人控制台") && said.includes("党委的批准"), said);
    await shot(desk, "desk-no-election", { touch: false });
    await desk.waitForTimeout(1200);
    await desk.getByTestId("group-meeting-create-G1").click();
    await noElection.filter({ hasText: "已安排" }).waitFor({ timeout: 30_000 });

    // The group's meeting elects its leader and deputy by encrypted ballots (command line).
    // Ten of its eleven check in (D001 stays away: ten of eleven is over the four fifths).
    const sid = (await cli("CH", ["state"])).state.sitting.id;
    await cli("CH", ["open-checkin", sid]);
    for (const d of MEMBERS.slice(1)) await cli(d, ["checkin", sid]);
    await cli("CH", ["open-sitting", sid]);
    await cli("CH", ["start-ceremony", "--sitting", sid, "--scrutineers", "S1,S2", "--k", "2"]);
    await cli("S1", ["keygen", sid]);
    await cli("S2", ["keygen", sid]);
    await cli("S1", ["--pin", "1111", "open-shares", sid]);
    await cli("S2", ["--pin", "2222", "open-shares", sid]);
    await cli("CH", ["add-item", "--sitting", sid, "--item", "e1", "--kind", "election", "--title", "选举组长、副组长", "--order", "1", "--responsible", "小组"]);
    await cli("CH", ["set-current", "--sitting", sid, "--item", "e1"]);
    await cli("CH", ["create-vote", "--vote", "g1", "--sitting", sid, "--item", "e1", "--kind", "election", "--title", "选举组长、副组长（应选2名）", "--seats", "2", "--candidates", "王建国,李秀英,张伟"]);
    await cli("CH", ["open-vote", "g1"]);
    for (const d of MEMBERS.slice(1)) await cli(d, ["vote", "g1", "--approve", "cand-0,cand-1", "--disapprove", "cand-2"]);
    await cli("CH", ["close-vote", "g1"]);
    await cli("S1", ["--pin", "1111", "decrypt", "g1"]);
    await cli("S2", ["--pin", "2222", "decrypt", "g1"]);
    await cli("S1", ["sign-result", "g1"]);
    await cli("S2", ["sign-result", "g1"]);
    await cli("CH", ["announce-result", "g1"]);
    await cli("CH", ["close-sitting", sid]);

    // The approval of the two the meeting elected, after a confirmation.
    const leadersForm = desk.getByTestId("leaders-form-G1");
    await desk.getByTestId("leaders-vote-G1").waitFor({ timeout: 30_000 });
    assert.ok((await desk.getByTestId("leaders-vote-G1").locator("option:checked").innerText()).includes("当选：王建国、李秀英"));
    assert.equal(await desk.getByTestId("leaders-leader-G1").locator("option").count(), 3, "the two elected (and —) to choose from");
    await desk.getByTestId("leaders-leader-G1").selectOption("D001");
    await desk.getByTestId("leaders-deputy-G1").selectOption("D002");
    assert.ok((await leadersForm.innerText()).includes("请填写党委批准文号"));
    await desk.getByTestId("leaders-approval-G1").fill("镇党委〔2026〕12号");
    await desk.waitForTimeout(1200);
    await desk.getByTestId("leaders-G1").click();
    const dialog = desk.getByTestId("confirm-dialog");
    await dialog.waitFor();
    assert.ok((await dialog.innerText()).includes("组长：王建国，副组长：李秀英") && (await dialog.innerText()).includes("不能撤回"), await dialog.innerText());
    await desk.waitForTimeout(1200);
    await desk.getByTestId("confirm-ok").click();
    await desk.getByTestId("group-leaders-G1").filter({ hasText: "王建国" }).waitFor({ timeout: 30_000 });
    const leaders = await desk.getByTestId("group-leaders-G1").innerText();
    assert.ok(leaders.includes("组长：王建国") && leaders.includes("副组长：李秀英") && leaders.includes("镇党委〔2026〕12号"), leaders);

    // Two activities: the group's today, a research visit of all delegates tomorrow.
    const plan = async (kind, groupId, title, date, place) => {
      const fold = desk.getByTestId("plan-activity");
      if (!(await fold.evaluate((d) => d.open))) await fold.locator("summary").first().click();
      await desk.getByTestId("activity-kind").selectOption(kind);
      await desk.getByTestId("activity-group").selectOption(groupId);
      await desk.getByTestId("activity-title").fill(title);
      await desk.getByTestId("activity-date").fill(date);
      await desk.getByTestId("activity-place").fill(place);
      await desk.waitForTimeout(1200);
      await desk.getByTestId("activity-submit").click();
      await desk.getByTestId("activity-submit-done").waitFor({ timeout: 30_000 });
    };
    await plan("group_activity", "G1", "走访东片村民小组", today, "东片村委会");
    assert.ok((await desk.getByTestId("activity-invited").innerText()).includes("邀请 11 人"), "the group's members invited");
    // Today's is pushed to the phone live; tomorrow's is planned while the phone is off the
    // network (its catch-up does not replay it: 我的小组 reads its view again once back).
    await phone.getByTestId("activity-checkin-A1").waitFor({ timeout: 30_000 });
    await cable.pull();
    await phone.waitForFunction(() => window.plenum.status.get() !== "online", null, { timeout: 10_000 });
    await plan("research", "", "农村人居环境整治调研", tomorrow, "镇党群服务中心");
    const a1 = desk.getByTestId("activity-A1");
    await a1.waitFor({ timeout: 30_000 });
    assert.equal((await desk.getByTestId("activity-state-A1").innerText()).trim(), "今天举行");
    assert.ok((await desk.getByTestId("activity-counts-A1").innerText()).includes("邀请 11 人"));
    assert.equal((await desk.getByTestId("activity-state-A2").innerText()).trim(), "未开始");

    // The phone: 我的小组 with its leader; tomorrow's activity says when; today's can be signed.
    await phone.getByTestId("my-group-leader").filter({ hasText: "王建国" }).waitFor({ timeout: 30_000 });
    assert.equal((await phone.getByTestId("my-group-name").innerText()).trim(), "东片代表小组");
    assert.equal((await phone.getByTestId("my-group-members").innerText()).trim(), "11 人");
    const later = phone.getByTestId("my-activity-later-A2");
    assert.equal(await later.count(), 0, "the phone away has not seen tomorrow's activity");
    cable.plugIn();
    await later.waitFor({ timeout: 30_000 });
    assert.equal(await phone.getByTestId("conn").innerText(), "已连接");
    const [ty, tm, td] = tomorrow.split("-").map(Number);
    assert.equal((await later.innerText()).trim(), `活动在 ${ty}年${tm}月${td}日，当天可以在这里签到。`);
    const button = phone.getByTestId("activity-checkin-A1");
    await button.waitFor();
    const box = await button.boundingBox();
    assert.ok(box && box.height >= 90 && box.width >= 300, `the 签到 button is large: ${JSON.stringify(box)}`);
    assert.ok(box.y >= 0 && box.y + box.height <= PHONE.height, `the 签到 button is on the first screen: ${JSON.stringify(box)}`);
    assert.equal((await button.innerText()).trim(), "签到");
    assert.deepEqual(english(await phone.locator("body").innerText()), [], "no English on the phone");
    await shot(phone, "phone-before-checkin");
    await screen(phone, "phone-before-checkin");
    // The jump buttons at the top: one per section on the page, each large; a tap brings its
    // section to the top of the screen (我的履职 opening as it comes).
    await phone.evaluate(() => window.scrollTo(0, 0));
    const jumps = phone.locator('[data-testid="jump-row"] button');
    assert.deepEqual(await jumps.evaluateAll((xs) => xs.map((x) => x.textContent.trim())), ["活动签到", "我的提案", "我的联系", "我的履职"]);
    for (const b of await jumps.all()) {
      const jb = await b.boundingBox();
      assert.ok(jb.height >= 48 && jb.width >= 120 && jb.y + jb.height <= PHONE.height, `a large jump button on the first screen: ${JSON.stringify(jb)}`);
    }
    const topOf = async (testid) => (await phone.getByTestId(testid).boundingBox()).y;
    for (const section of ["my-contacts", "my-proposals", "my-performance", "my-activities"]) {
      await phone.evaluate(() => window.scrollTo(0, 0));
      const before = await topOf(section);
      await phone.getByTestId(`jump-${section}`).tap();
      await phone.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect().top < 60, section, { timeout: 5000 }).catch(() => undefined);
      const after = await topOf(section);
      assert.ok(after >= -1 && after < 60, `${section} at the top after its button (from ${before} to ${after})`);
      if (section !== "my-activities") assert.ok(before > PHONE.height, `${section} was below the first screen (${before})`);
      if (section === "my-performance") {
        assert.ok(await phone.getByTestId("my-performance").evaluate((d) => d.open), "我的履职 opened by its button");
        await phone.getByTestId("pf-body").waitFor({ timeout: 30_000 });
        await screen(phone, "phone-jumped-performance");
        await phone.getByTestId("my-performance-open").click();
      }
    }
    await phone.evaluate(() => window.scrollTo(0, 0));
    await button.click();
    const signed = phone.getByTestId("my-activity-signed-A1");
    await signed.waitFor({ timeout: 30_000 });
    assert.match((await signed.innerText()).trim(), /^✔ 已签到 \d\d:\d\d$/);
    await shot(phone, "phone-after-checkin");
    await screen(phone, "phone-after-checkin");

    // The desk sees the signed check-in; records one without a phone, with the reason.
    await desk.getByTestId("attendance-A1-D001").filter({ hasText: "已签到" }).waitFor({ timeout: 30_000 });
    assert.ok((await desk.getByTestId("activity-counts-A1").innerText()).includes("出席 1"));
    await desk.getByTestId("record-open-A1-D003").click();
    await desk.getByTestId("record-status-excused").click();
    assert.ok(await desk.getByTestId("record-submit").isDisabled(), "a reason is required");
    assert.ok((await desk.getByTestId("record-form-A1-D003").innerText()).includes("请写明原因"));
    await desk.getByTestId("record-reason").fill("没有手机，外出务工已向组长请假");
    await desk.waitForTimeout(1200);
    await desk.getByTestId("record-submit").click();
    await desk.getByTestId("confirm-dialog").waitFor();
    assert.ok((await desk.getByTestId("confirm-dialog").innerText()).includes("登记 张伟：请假"));
    await desk.waitForTimeout(1200);
    await desk.getByTestId("confirm-ok").click();
    const d003 = desk.getByTestId("attendance-A1-D003");
    await d003.filter({ hasText: "请假" }).waitFor({ timeout: 30_000 });
    assert.ok((await d003.innerText()).includes("没有手机，外出务工已向组长请假"));
    await a1.scrollIntoViewIfNeeded();
    const deskText = await desk.locator(".section-body").innerText();
    assert.deepEqual(english(deskText), [], "no English on the desk's tab");
    await shot(desk, "desk-attendance", { touch: false });

    // Held, with its outcome, after a confirmation: the group has met this year.
    await desk.getByTestId("held-A1").locator("summary").click();
    await desk.getByTestId("held-outcome-A1").fill("收集村民意见建议5条，已交镇党委研究");
    await desk.waitForTimeout(1200);
    await desk.getByTestId("held-submit-A1").click();
    await desk.getByTestId("confirm-dialog").waitFor();
    assert.ok((await desk.getByTestId("confirm-dialog").innerText()).includes("签到关闭"));
    await desk.waitForTimeout(1200);
    await desk.getByTestId("confirm-ok").click();
    await desk.getByTestId("activity-state-A1").filter({ hasText: "已举行" }).waitFor({ timeout: 30_000 });
    assert.ok((await desk.getByTestId("activity-outcome-A1").innerText()).includes("收集村民意见建议5条"));
    assert.equal((await desk.getByTestId("group-met-G1").innerText()).trim(), `${year}年已活动 1 次`);
    assert.equal(await desk.getByTestId("groups-not-met").count(), 0, "no group flagged");
    await desk.getByTestId("groups").scrollIntoViewIfNeeded();
    await shot(desk, "desk-groups", { touch: false });

    // A member leaves the group with the reason; two leaving would leave nine, which the form refuses.
    await desk.getByTestId("change-open-G1").click();
    await desk.getByTestId("change-remove-G1-D010").check();
    await desk.getByTestId("change-remove-G1-D011").check();
    await desk.getByTestId("change-reason-G1").fill("工作调动");
    assert.ok((await desk.getByTestId("change-form-G1").innerText()).includes("调整后只剩 9 人，小组至少要有 10 人"));
    assert.ok(await desk.getByTestId("change-G1").isDisabled());
    await desk.getByTestId("change-remove-G1-D010").uncheck();
    await desk.waitForTimeout(1200);
    await desk.getByTestId("change-G1").click();
    await desk.getByTestId("group-members-G1").filter({ hasNotText: "徐磊" }).waitFor({ timeout: 30_000 });
    assert.equal(await desk.getByTestId("change-form-G1").count(), 0, "the form closed");
    assert.ok((await group.locator(".proposal-head").innerText()).includes("10 人"));
    assert.equal((await desk.getByTestId("groups-ungrouped").innerText()).trim(), "未编入小组的代表 2 人");

    // The phone: today's activity is held (no more 签到); it is among the group's activities.
    await phone.getByTestId("my-group-activity-A1").filter({ hasText: "已举行" }).waitFor({ timeout: 30_000 });
    assert.equal(await phone.getByTestId("activity-checkin-A1").count(), 0);
    assert.equal(await phone.getByTestId("my-activity-signed-A2").count(), 0, "tomorrow's activity is not signed");
    assert.ok((await phone.getByTestId("my-activity-later-A2").innerText()).includes("当天可以在这里签到"));
    await shot(phone, "phone-after-held");
    await screen(phone, "phone-after-held");
    // The same screens in Traditional Chinese and English: nothing overflows, nothing too small.
    await phone.getByTestId("lang-zh-TW").click();
    await phone.getByTestId("my-group").filter({ hasText: "我的小組" }).waitFor();
    assert.ok((await phone.getByTestId("my-activity-later-A2").innerText()).includes("當天可以在這裡簽到"));
    await shot(phone, "phone-zh-TW");
    await phone.getByTestId("lang-en").click();
    await phone.getByTestId("my-group").filter({ hasText: "My group" }).waitFor();
    assert.ok((await phone.getByTestId("my-group-leader").innerText()).includes("王建国"));
    assert.ok((await phone.getByTestId("my-activity-later-A2").innerText()).includes(`on ${tomorrow};`), "the English date with two-digit month and day");
    await shot(phone, "phone-en");
    await screen(phone, "phone-en");
    await desk.getByTestId("lang-en").click();
    await desk.getByTestId("groups").filter({ hasText: "Delegate groups" }).waitFor();
    assert.ok((await desk.getByTestId("activity-counts-A1").innerText()).includes("11 invited · 1 present · 1 excused"));
    await shot(desk, "desk-en", { touch: false });
  },
  { roster: ROSTER },
);
