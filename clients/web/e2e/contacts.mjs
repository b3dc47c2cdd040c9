// Three-level contact (三级联系) and opinions (意见建议) in the browser: the liaison office's desk
// (the secretary's app at 1280×800) and delegates' phones (the tablet app at 390×844) against the
// real plenumd of cli_sitting.mjs, between meetings. The desk sets the party committee member's
// delegates (one: 还差 1 名代表; two: met) and sees delegate D002 short of party members. D001's
// phone registers three party members and a resident (a value like an ID number is refused on
// screen with the reason, and nothing is sent), and logs two opinions: one today, one collected
// three weeks ago and so already overdue for routing. The desk lists the overdue one first and
// marked, routes the other to a department, extends it once (the confirmation names what cannot
// be undone) and records the answer; it routes the late one and refuses it with a reason. The
// phone records that the person was told (the refusal made while the phone was off the network
// shows once it is back). The desk removes a party member with the reason (one
// still keeping a resident is not offered) and reads in zh-TW and en; it registers a party member
// for D002, whose phone shows that one and none of D001's contacts or opinions.
// The signed record the desk downloads holds the department it was routed to but no name of a
// party member or resident and none of their words. Screenshots go to
// $PLENUM_WEB_ARTIFACTS/contacts; each is checked for overflow, the phone's for touch targets
// under 48 px, and all with axe-core.
//
// Usage: node e2e/contacts.mjs --plenumd PATH --cli PATH [--web-root DIR]   (exit 0 on success)
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { runCliHallTest } from "./cli_hall_test.mjs";
import { cableOf } from "./network_cable.mjs";

const run = promisify(execFile);
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };
const MEMBERS = [
  ["赵红梅", "东村"],
  ["钱立新", "东村"],
  ["孙桂芳", "西村"],
];
const RESIDENT = ["刘秀兰", "东村三组"];
const LAMP = "村口路灯坏了，晚上老人出门看不见路";
const RUBBISH = "村里垃圾清运不及时，夏天气味大";
const ANSWER = "镇交通办已更换村口路灯，本周恢复照明";
// Nothing of these may reach another delegate's screen or the exported record.
const PRIVATE = [...MEMBERS.map(([n]) => n), RESIDENT[0], LAMP, RUBBISH, ANSWER];

/** Today in Beijing (the server's calendar day) as YYYY-MM-DD, and `n` days before it. */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysBefore = (iso, n) => new Date(new Date(`${iso}T00:00:00Z`).getTime() - n * 86_400_000).toISOString().slice(0, 10);

await runCliHallTest("contacts", async ({ server, cli, browser, artifacts, shot, pages }) => {
  const today = beijingToday();
  // The desk and both delegates' phones enroll in the browser (their command-line keys replaced).
  const codes = await cli("SE", ["issue-code", "SE", "D001", "D002"], true);
  const codeOf = new Map(codes.trim().split("\n").map((l) => l.split(",").map((x) => x.trim())));
  const enroll = async (page, person, ready) => {
    await page.locator("input[name=person]").fill(person);
    await page.locator("input[name=code]").fill(codeOf.get(person));
    await page.getByTestId("enroll-submit").click();
    await page.getByTestId(ready).waitFor({ timeout: 30_000 });
  };
  const cables = new Map();
  const phoneOf = async (person) => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true, locale: "zh-CN" });
    cables.set(person, await cableOf(context));
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`${person} page error:`, e.message));
    pages.set(`phone-${person}`, page);
    await page.goto(`${server.url}/tablet.html`);
    await enroll(page, person, "my-contacts");
    return page;
  };
  const deskContext = await browser.newContext({ viewport: DESK, ignoreHTTPSErrors: true, acceptDownloads: true, locale: "zh-CN" });
  const desk = await deskContext.newPage();
  desk.on("pageerror", (e) => console.error("desk page error:", e.message));
  pages.set("desk", desk);
  await desk.goto(`${server.url}/secretary.html`);
  await enroll(desk, "SE", "nav-contacts");
  /** Confirms the open dialog once its button is armed (a second after it appears). */
  const confirm = async (page, says) => {
    const dialog = page.getByTestId("confirm-dialog");
    await dialog.waitFor();
    if (says) assert.ok((await dialog.innerText()).includes(says), await dialog.innerText());
    await page.waitForTimeout(1100);
    await page.getByTestId("confirm-ok").click();
  };
  /** Clicks a guarded button once it is armed. */
  const press = async (page, testid) => {
    const button = page.getByTestId(testid);
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="${id}"]`)?.disabled, testid, { timeout: 10_000 });
    await button.click();
  };
  /** Asserts that the page's main part says nothing in English: only person numbers (D001, CH)
   * and record numbers (O1) are in Latin letters. */
  const allChinese = async (page, where) => {
    const text = (await page.locator("main").innerText()).replace(/\b[A-Z]{1,2}\d*\b/g, "");
    assert.deepEqual(text.match(/[A-Za-z]{2,}/g), null, `${where} says something in English`);
  };
  const gapOf = async (page, testid) => (await page.getByTestId(`${testid}-gap`).innerText()).trim();

  // 1. The desk: the committee member's delegates, one then two; the gaps in words.
  assert.equal((await desk.getByTestId("nav-contacts").innerText()).trim(), "三级联系");
  await desk.getByTestId("nav-contacts").click();
  await desk.getByTestId("committee-CH").waitFor({ timeout: 30_000 });
  assert.equal(await gapOf(desk, "committee-count-CH"), "还差 2 名代表");
  await desk.getByTestId("committee-edit-CH").click();
  await desk.getByTestId("committee-pick-CH-D001").check();
  assert.equal(await gapOf(desk, "committee-chosen-CH"), "还差 1 名代表", "the count follows the ticks");
  await press(desk, "committee-save-CH");
  await desk.getByTestId("committee-count-CH-gap").filter({ hasText: "还差 1 名代表" }).waitFor({ timeout: 30_000 });
  assert.ok((await desk.getByTestId("committee-delegates-CH").innerText()).includes("王建国"));
  assert.ok((await desk.getByTestId("committee-short").innerText()).includes("1 名党委委员"));
  assert.equal(await gapOf(desk, "delegate-count-D002"), "还差 3 名党员");
  await shot(desk, "desk-contacts-gaps", { touch: false });
  await allChinese(desk, "the desk's 三级联系");
  await desk.getByTestId("committee-edit-CH").click();
  await desk.getByTestId("committee-pick-CH-D002").check();
  await press(desk, "committee-save-CH");
  await desk.getByTestId("committee-count-CH-gap").filter({ hasText: "已达到要求" }).waitFor({ timeout: 30_000 });
  assert.ok((await desk.getByTestId("committee-delegates-CH").innerText()).includes("李秀英"));
  console.log("committee member CH: 还差 1 名代表, then met with D001 and D002");

  // 2. D001's phone: three party members and a resident; an ID number is refused with the reason.
  const phone = await phoneOf("D001");
  await phone.getByTestId("my-members-gap").filter({ hasText: "还差 3 名党员" }).waitFor({ timeout: 30_000 });
  await shot(phone, "phone-contacts-empty");
  await phone.getByTestId("my-add-member-open").click();
  for (const [name, place] of MEMBERS) {
    await phone.getByTestId("my-add-member-name").fill(name);
    await phone.getByTestId("my-add-member-place").fill(place);
    if (name === MEMBERS[0][0]) {
      await phone.getByTestId("my-add-member-place").fill("东村 110101195501011234");
      const refused = await phone.getByTestId("my-add-member-id-refused").innerText();
      assert.ok(refused.includes("身份证号") && refused.includes("只登记姓名和所在村"), refused);
      assert.ok(await phone.getByTestId("my-add-member-save").isDisabled(), "nothing is sent with an ID number");
      await shot(phone, "phone-id-number-refused");
      await phone.getByTestId("my-add-member-id-refused").scrollIntoViewIfNeeded();
      await phone.screenshot({ path: join(artifacts, "phone-id-number-refused-screen.png") });
      await phone.getByTestId("my-add-member-place").fill(place);
    }
    await press(phone, "my-add-member-save");
    await phone.locator('[data-testid^="my-member-"]').filter({ hasText: name }).waitFor({ timeout: 30_000 });
  }
  await phone.getByTestId("my-members-gap").filter({ hasText: "已达到要求" }).waitFor({ timeout: 30_000 });
  const first = phone.locator('[data-testid^="my-member-"]').filter({ hasText: MEMBERS[0][0] });
  const firstId = (await first.getAttribute("data-testid")).slice("my-member-".length);
  assert.equal((await phone.getByTestId(`my-residents-gap-${firstId}`).innerText()).trim(), "还差 3 名群众");
  await phone.getByTestId(`my-add-resident-open-${firstId}`).click();
  await phone.getByTestId(`my-add-resident-${firstId}-name`).fill(RESIDENT[0]);
  await phone.getByTestId(`my-add-resident-${firstId}-place`).fill(RESIDENT[1]);
  await press(phone, `my-add-resident-${firstId}-save`);
  await phone.getByTestId(`my-residents-gap-${firstId}`).filter({ hasText: "还差 2 名群众" }).waitFor({ timeout: 30_000 });
  assert.ok((await phone.getByTestId(`my-member-${firstId}`).innerText()).includes(RESIDENT[0]));
  await phone.getByTestId("my-contacts").scrollIntoViewIfNeeded();
  await shot(phone, "phone-contacts");
  await phone.getByTestId("my-contacts").screenshot({ path: join(artifacts, "phone-contacts-card.png") });
  console.log(`D001: three party members, ${RESIDENT[0]} kept by ${MEMBERS[0][0]}`);

  // 3. Two opinions from the phone: one today, one collected three weeks ago.
  const logOpinion = async (from, text, category, date) => {
    const choice = await phone.getByTestId("opinion-from").locator("option", { hasText: from }).getAttribute("value");
    await phone.getByTestId("opinion-from").selectOption(choice);
    await phone.getByTestId("opinion-text").fill(text);
    await phone.getByTestId("opinion-category").selectOption(category);
    if (date) await phone.getByTestId("opinion-date").fill(date);
    assert.equal(await phone.getByTestId("opinion-date").inputValue(), date ?? today, "today by default (the server's day)");
    if (!date) {
      await phone.getByTestId("opinion-form").scrollIntoViewIfNeeded();
      await phone.screenshot({ path: join(artifacts, "phone-opinion-form-screen.png") });
    }
    await press(phone, "opinion-save");
    await phone.locator('[data-testid^="my-opinion-"]').filter({ hasText: text }).waitFor({ timeout: 30_000 });
  };
  await phone.getByTestId("opinion-form").scrollIntoViewIfNeeded();
  await phone.screenshot({ path: join(artifacts, "phone-opinion-form-closed-screen.png") });
  await phone.getByTestId("opinion-form-open").click();
  await logOpinion(RESIDENT[0], LAMP, "roads");
  await shot(phone, "phone-opinion-logged");
  await logOpinion(MEMBERS[1][0], RUBBISH, "environment", daysBefore(today, 21));
  const lampCard = phone.locator('[data-testid^="my-opinion-"]').filter({ hasText: LAMP });
  const lamp = (await lampCard.getAttribute("data-testid")).slice("my-opinion-".length);
  const rubbish = (await phone.locator('[data-testid^="my-opinion-"]').filter({ hasText: RUBBISH }).getAttribute("data-testid")).slice("my-opinion-".length);
  assert.equal((await phone.getByTestId(`my-opinion-status-${lamp}`).innerText()).trim(), "待交办");
  assert.ok((await lampCard.innerText()).includes("道路交通"), "the category in words");

  // 4. The desk: the overdue one first and marked; route, extend once, answer; refuse the late one.
  await desk.getByTestId("nav-opinions").click();
  const rows = desk.locator('li[data-testid^="opinion-"]');
  await rows.nth(1).waitFor({ timeout: 30_000 });
  assert.equal(await rows.first().getAttribute("data-testid"), `opinion-${rubbish}`, "the overdue opinion comes first");
  assert.match(await desk.getByTestId(`opinion-overdue-${rubbish}`).innerText(), /^已超期 \d+ 个工作日$/);
  assert.equal((await desk.getByTestId(`opinion-left-${lamp}`).innerText()).trim(), "还剩 5 个工作日");
  assert.ok((await desk.getByTestId(`opinion-${lamp}`).innerText()).includes(RESIDENT[0]), "the office sees who said it");
  assert.equal((await desk.getByTestId("opinions-overdue").innerText()).trim(), "逾期 1 件");
  assert.ok((await desk.getByTestId("nav-opinions").innerText()).includes("2"), "the badge counts what waits");
  await shot(desk, "desk-opinions-overdue", { touch: false });

  await desk.getByTestId(`opinion-route-open-${lamp}`).click();
  await desk.getByTestId(`opinion-department-${lamp}`).fill("镇交通办");
  assert.equal(await desk.getByTestId(`opinion-route-date-${lamp}`).inputValue(), today);
  await press(desk, `opinion-route-${lamp}`);
  await confirm(desk, "不能撤回");
  await desk.getByTestId(`opinion-status-${lamp}`).filter({ hasText: "已交办，办理中" }).waitFor({ timeout: 30_000 });
  assert.ok((await desk.getByTestId(`opinion-routed-${lamp}`).innerText()).includes("镇交通办"));
  const due = (await desk.getByTestId(`opinion-answer-due-${lamp}`).innerText()).split("：")[1].trim();

  await desk.getByTestId(`opinion-extend-open-${lamp}`).click();
  await desk.getByTestId(`opinion-extend-days-${lamp}`).selectOption("10");
  assert.ok(await desk.getByTestId(`opinion-extend-${lamp}`).isDisabled(), "no extension without its reason");
  assert.ok((await desk.getByTestId(`opinion-extend-form-${lamp}`).innerText()).includes("请写明延期原因"));
  await desk.getByTestId(`opinion-extend-reason-${lamp}`).fill("需要县供电公司配合更换线路");
  await shot(desk, "desk-opinion-extend", { touch: false });
  await press(desk, `opinion-extend-${lamp}`);
  await confirm(desk, "只能延期一次");
  await desk.getByTestId(`opinion-extension-${lamp}`).filter({ hasText: "已延期 10 个工作日" }).waitFor({ timeout: 30_000 });
  const extendedDue = (await desk.getByTestId(`opinion-answer-due-${lamp}`).innerText()).split("：")[1].trim();
  assert.ok(extendedDue > due, `the answer deadline moved from ${due} to ${extendedDue}`);
  assert.equal(await desk.getByTestId(`opinion-extend-open-${lamp}`).count(), 0, "extended once only");

  await desk.getByTestId(`opinion-answer-open-${lamp}`).click();
  await desk.getByTestId(`opinion-answer-text-${lamp}`).fill(ANSWER);
  await press(desk, `opinion-answer-${lamp}`);
  await confirm(desk, "不能修改");
  await desk.getByTestId("opinions-filter-all").click();
  await desk.getByTestId(`opinion-status-${lamp}`).filter({ hasText: "已答复" }).waitFor({ timeout: 30_000 });
  assert.ok((await desk.getByTestId(`opinion-answer-${lamp}`).innerText()).includes(ANSWER));
  // The phone is pushed the answer live; then it goes off the network while the late one is
  // routed and refused (its catch-up will not replay those: the screen reads its view again).
  await phone.getByTestId("my-opinions-to-tell").filter({ hasText: "有 1 件已有办理结果" }).waitFor({ timeout: 30_000 });
  await cables.get("D001").pull();
  await phone.waitForFunction(() => window.plenum.status.get() !== "online", null, { timeout: 10_000 });

  await desk.getByTestId(`opinion-route-open-${rubbish}`).click();
  await desk.getByTestId(`opinion-department-${rubbish}`).fill("镇环卫所");
  await press(desk, `opinion-route-${rubbish}`);
  await confirm(desk);
  await desk.getByTestId(`opinion-routed-${rubbish}`).filter({ hasText: "超过期限" }).waitFor({ timeout: 30_000 });
  await desk.getByTestId(`opinion-refuse-open-${rubbish}`).click();
  assert.ok(await desk.getByTestId(`opinion-refuse-${rubbish}`).isDisabled(), "no refusal without its reason");
  await desk.getByTestId(`opinion-refuse-reason-${rubbish}`).fill("垃圾清运由县环卫公司负责，已转告县城管局");
  await press(desk, `opinion-refuse-${rubbish}`);
  await confirm(desk, "公开记录");
  await desk.getByTestId(`opinion-status-${rubbish}`).filter({ hasText: "不予采纳" }).waitFor({ timeout: 30_000 });
  await shot(desk, "desk-opinions-handled", { touch: false });
  await allChinese(desk, "the desk's 意见建议");
  console.log(`${lamp}: routed, extended 10 working days (due ${due} → ${extendedDue}), answered; ${rubbish}: routed late, refused`);

  // 5. The phone, back on the network: the answer and the refusal, and that the person was told.
  assert.ok((await phone.getByTestId("my-opinions-to-tell").innerText()).includes("有 1 件已有办理结果"), "the phone away has not seen the refusal");
  assert.ok((await phone.getByTestId("conn").innerText()).includes("正在"), "the phone says it is reconnecting");
  await shot(phone, "phone-away");
  cables.get("D001").plugIn();
  await phone.getByTestId("my-opinions-to-tell").filter({ hasText: "有 2 件已有办理结果" }).waitFor({ timeout: 30_000 });
  assert.equal(await phone.getByTestId("conn").innerText(), "已连接");
  assert.ok((await lampCard.innerText()).includes(ANSWER), "the delegate sees the answer");
  await shot(phone, "phone-opinion-answered");
  await phone.getByTestId("my-opinions").scrollIntoViewIfNeeded();
  await phone.screenshot({ path: join(artifacts, "phone-opinion-answered-screen.png") });
  const tell = phone.getByTestId(`report-back-${lamp}`);
  const box = await tell.boundingBox();
  assert.ok(box.height >= 56 && box.width >= 300, `a large button (${box.width}×${box.height})`);
  assert.equal((await tell.innerText()).trim(), `已告诉${RESIDENT[0]}`);
  await press(phone, `report-back-${lamp}`);
  await phone.getByTestId("confirm-dialog").waitFor();
  await shot(phone, "phone-report-back-confirm");
  await phone.screenshot({ path: join(artifacts, "phone-report-back-confirm-screen.png") });
  await confirm(phone, `您已经把答复告诉${RESIDENT[0]}了吗`);
  await phone.getByTestId(`my-opinion-status-${lamp}`).filter({ hasText: "已反馈" }).waitFor({ timeout: 30_000 });
  await phone.getByTestId("my-opinions-to-tell").filter({ hasText: "有 1 件" }).waitFor({ timeout: 30_000 });
  assert.equal(await phone.getByTestId(`report-back-${rubbish}-done`).count(), 0, "the success line stays with the opinion it belongs to");
  await shot(phone, "phone-reported-back");
  await allChinese(phone, "the phone");
  await lampCard.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: join(artifacts, "phone-reported-back-screen.png") });
  await desk.getByTestId(`opinion-reported-${lamp}`).filter({ hasText: "已于" }).waitFor({ timeout: 30_000 });

  // 6. The office registers a party member for D002; D002's phone shows that one, nothing of D001's.
  await desk.getByTestId("nav-contacts").click();
  await desk.getByTestId("add-member-open-D002").click();
  await desk.getByTestId("add-member-D002-name").fill("周志强");
  await desk.getByTestId("add-member-D002-place").fill("南村");
  await press(desk, "add-member-D002-save");
  await desk.getByTestId("delegate-count-D002-gap").filter({ hasText: "还差 2 名党员" }).waitFor({ timeout: 30_000 });
  const other = await phoneOf("D002");
  await other.getByTestId("my-members-gap").filter({ hasText: "还差 2 名党员" }).waitFor({ timeout: 30_000 });
  assert.ok((await other.getByTestId("my-contacts").innerText()).includes("周志强"), "the member the office registered for D002");
  await other.getByTestId("my-opinions").waitFor();
  const seen = await other.locator("body").innerText();
  for (const word of PRIVATE) assert.ok(!seen.includes(word), `D002's phone shows ${word}`);
  const asked = await other.evaluate(async () => JSON.stringify([await window.plenum.request("get_contacts"), await window.plenum.request("get_opinions")]));
  for (const word of PRIVATE) assert.ok(!asked.includes(word), `the server tells D002 ${word}`);
  await shot(other, "phone-other-delegate");
  await other.getByTestId("my-contacts").scrollIntoViewIfNeeded();
  await other.screenshot({ path: join(artifacts, "phone-other-delegate-screen.png") });
  // The office sees everyone's.
  await desk.getByTestId("nav-contacts").click();
  await desk.getByTestId(`delegate-D001`).filter({ hasText: RESIDENT[0] }).waitFor({ timeout: 30_000 });
  await shot(desk, "desk-contacts", { touch: false });
  // A party member who still keeps a resident cannot be removed; another is, with the reason.
  const keeper = desk.locator('li[data-testid^="member-"]').filter({ hasText: MEMBERS[0][0] });
  const keeperId = (await keeper.getAttribute("data-testid")).slice("member-".length);
  await desk.getByTestId(`remove-${keeperId}`).locator("summary").last().click();
  assert.ok((await desk.getByTestId(`remove-${keeperId}`).last().innerText()).includes("请先移除这些群众"));
  const leaving = desk.locator('li[data-testid^="member-"]').filter({ hasText: MEMBERS[2][0] });
  const leavingId = (await leaving.getAttribute("data-testid")).slice("member-".length);
  await desk.getByTestId(`remove-${leavingId}`).locator("summary").click();
  assert.ok(await desk.getByTestId(`remove-save-${leavingId}`).isDisabled(), "no removal without its reason");
  await desk.getByTestId(`remove-reason-${leavingId}`).fill("已调往县城工作");
  await press(desk, `remove-save-${leavingId}`);
  await confirm(desk, "不能撤回");
  await desk.getByTestId("delegate-count-D001-gap").filter({ hasText: "还差 1 名党员" }).waitFor({ timeout: 30_000 });
  assert.equal(await desk.locator('li[data-testid^="member-"]').filter({ hasText: MEMBERS[2][0] }).count(), 0);
  await phone.getByTestId("my-members-gap").filter({ hasText: "还差 1 名党员" }).waitFor({ timeout: 30_000 });
  console.log(`${MEMBERS[2][0]} removed with the reason; D001 还差 1 名党员 again`);
  // The same desk in Traditional Chinese and in English.
  await desk.getByTestId("lang-zh-TW").click();
  assert.equal(await gapOf(desk, "delegate-count-D001"), "還差 1 名黨員");
  await desk.getByTestId("nav-opinions").click();
  await desk.getByTestId("opinions-filter-all").click();
  await desk.getByTestId(`opinion-status-${lamp}`).filter({ hasText: "已答覆" }).waitFor({ timeout: 30_000 });
  await shot(desk, "desk-opinions-zh-TW", { touch: false });
  await desk.getByTestId("lang-en").click();
  await desk.getByTestId("nav-contacts").click();
  assert.equal(await gapOf(desk, "delegate-count-D001"), "party members: 1 short");
  await shot(desk, "desk-contacts-en", { touch: false });
  await desk.getByTestId("lang-zh-CN").click();

  // 7. The signed record as the desk downloads it: the department, but no name and no words.
  await desk.getByTestId("nav-export").click();
  const [download] = await Promise.all([desk.waitForEvent("download"), desk.getByTestId("download-record").click()]);
  const unpacked = join(server.dataDir, "record-out");
  await mkdir(unpacked, { recursive: true });
  await run("tar", ["-xzf", await download.path(), "-C", unpacked]);
  let record = "";
  const readAll = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await readAll(path);
      else record += await readFile(path, "utf8");
    }
  };
  await readAll(unpacked);
  // Payloads are JSON strings inside JSON lines: read them as the verifier does.
  const events = record
    .split("\n")
    .filter((l) => l.startsWith('{"seq"'))
    .map((l) => JSON.parse(l));
  const payloads = events.map((e) => e.payload).join("\n");
  const types = new Set(events.map((e) => e.type));
  for (const type of ["contact_registered", "committee_contacts_set", "opinion_logged", "opinion_routed", "opinion_extended", "opinion_answered", "opinion_refused", "opinion_reported_back"])
    assert.ok(types.has(type), `the record holds ${type}`);
  assert.ok(payloads.includes("镇交通办"), "the record holds the department (public)");
  for (const word of [...PRIVATE, "周志强"]) assert.ok(!payloads.includes(word) && !record.includes(word), `the record holds ${word}`);
  assert.equal(events.filter((e) => e.type === "contact_registered").length, 5);
  console.log(`record: ${events.length} events, no name of a member or resident and none of their words`);
});
