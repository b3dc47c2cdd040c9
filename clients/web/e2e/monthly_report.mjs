// The monthly written report (月度书面报告) and the delegate's performance file (我的履职) in the
// browser: the secretary's desk at 1280×800 and delegate D001's phone (the tablet app at
// 390×844) against the real plenumd, set up through plenum-cli (cli_sitting.mjs). A sitting dated
// in the month before today's (in Beijing) is held with D002 and D003 checked in and D001
// excused; this month D002 submits a proposal and the office accepts it. On the desk's 月度报告
// section the month before is shown by default with every figure labelled (会议 1 次, 出席 2
// 人次, 请假 1 人次) and its due date; the month two before shows the late reminder with what to
// do; this month's draft counts the proposal and cannot be issued. The desk issues last month's
// report after confirming: it moves to the issued list with the digest shown on the draft, and
// its PDF (pdftotext) and JSON downloads carry the same figures, and the figures read the same in
// zh-TW and en. On the phone, 我的履职 shows the
// sitting as 请假 in large type, and its PDF names the delegate. Screenshots go to
// $PLENUM_WEB_ARTIFACTS/monthly_report; each is checked for overflow, the phone's for touch
// targets, and all with axe-core.
//
// Usage: node e2e/monthly_report.mjs --plenumd PATH --cli PATH [--web-root DIR]   (exit 0 on success)
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { runCliHallTest } from "./cli_hall_test.mjs";

const run = promisify(execFile);
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };
const PROPOSAL = "关于整修村卫生室的提案";

/** Today in Beijing as YYYY-MM-DD, and the month `back` months before it as YYYY-MM. */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
function monthBefore(today, back) {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) - back;
  while (m < 1) {
    m += 12;
    y -= 1;
  }
  return `${y}-${String(m).padStart(2, "0")}`;
}
const chineseMonth = (month) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
/** The computed opacity of the element `testid` on `page` ("0.5" is how a disabled button fades). */
const opacityOf = (page, testid) => page.getByTestId(testid).evaluate((e) => getComputedStyle(e).opacity);

/** The text of the PDF at `path` (pdftotext, layout kept). */
async function pdfText(path) {
  const { stdout } = await run("pdftotext", ["-layout", path, "-"]);
  return stdout;
}

await runCliHallTest("monthly_report", async ({ hall, server, cli, browser, artifacts, shot, pages }) => {
  const today = beijingToday();
  const lastMonth = monthBefore(today, 1);
  const twoBack = monthBefore(today, 2);

  // Last month's sitting: D002 and D003 present, D001 excused.
  await cli("CH", ["create-sitting", "--sitting", "s0", "--title", "第一次会议", "--date", `${lastMonth}-15`]);
  await cli("CH", ["open-checkin", "s0"]);
  await cli("D002", ["checkin", "s0"]);
  await cli("D003", ["checkin", "s0"]);
  await cli("SE", ["excuse", "--sitting", "s0", "--person", "D001", "--reason", "外出务工", "--approver", "孙志远"]);
  await cli("CH", ["open-sitting", "s0"]);
  await cli("CH", ["close-sitting", "s0"]);
  // This month: a proposal received and accepted.
  const proposal = (await cli("D002", ["submit-proposal", "--title", PROPOSAL, "--text", "村卫生室房屋漏雨，建议安排资金整修。"])).proposal_id;
  await cli("SE", ["accept-proposal", proposal, "--unit", "镇卫生院"]);

  // The desk enrolls in the browser (the command line's key for SE is replaced).
  const code = (await cli("SE", ["issue-code", "SE"], true)).trim().split(",")[1].trim();
  const desk = await (await browser.newContext({ viewport: DESK, ignoreHTTPSErrors: true, acceptDownloads: true })).newPage();
  desk.on("pageerror", (e) => console.error("desk page error:", e.message));
  pages.set("desk", desk);
  await desk.goto(`${server.url}/secretary.html`);
  await desk.locator("input[name=person]").fill("SE");
  await desk.locator("input[name=code]").fill(code);
  await desk.getByTestId("enroll-submit").click();
  await desk.getByTestId("nav-monthly").waitFor({ timeout: 30_000 });
  assert.equal((await desk.getByTestId("nav-monthly").innerText()).trim(), "月度报告");
  await desk.getByTestId("nav-monthly").click();

  // Last month by default: every figure labelled in Chinese, the sitting counted.
  const figure = async (id) => (await desk.getByTestId(`mr-${id}`).innerText()).replace(/\s+/g, " ").trim();
  await desk.getByTestId("mr-figures").waitFor({ timeout: 30_000 });
  assert.equal(await desk.getByTestId("mr-month").inputValue(), lastMonth, "last month by default");
  assert.equal((await desk.getByTestId("mr-month").locator("option:checked").innerText()).trim(), chineseMonth(lastMonth), "the month in Chinese");
  assert.equal(await figure("sittings-held"), "召开会议（次） 1");
  assert.equal(await figure("sittings-present"), "代表出席（人次） 2");
  assert.equal(await figure("sittings-excused"), "代表请假（人次） 1");
  assert.equal(await figure("proposals-received"), "收到提案（件） 0", "this month's proposal is not last month's");
  // The work between meetings, counted (none last month): attendance by how it was taken, the
  // groups, opinions late, three-level contact and its gaps (D001–D003 keep no party member).
  assert.equal(await figure("activities-present_signed"), "其中本人签到（人次） 0");
  assert.equal(await figure("kind-group_activity"), "小组活动（次） 0");
  assert.equal(await figure("groups-formed"), "代表小组（个） 0");
  assert.equal(await figure("opinions-routed_late"), "逾期转办（件） 0");
  assert.ok((await desk.getByTestId("mr-contacts").innerText()).includes("三级联系"));
  assert.match(await figure("gaps-delegates_below"), /^联系党员少于3名的代表（人） [1-9]\d*$/);
  const state = await desk.getByTestId("mr-state").innerText();
  assert.ok(state.includes("草稿"), state);
  const day = Number(today.slice(8, 10));
  if (day >= 25) assert.ok((await desk.getByTestId("mr-reminder").innerText()).includes(`请报送${chineseMonth(lastMonth)}书面报告`));
  else assert.ok((await desk.getByTestId("mr-due").innerText()).includes(`${chineseMonth(lastMonth)}书面报告应于${today.slice(0, 7)}-`), "the due date said");
  const draftDigest = (await desk.getByTestId("mr-digest").innerText()).split("：")[1].trim();
  assert.match(draftDigest, /^[0-9a-f]{64}$/);
  await shot(desk, "desk-draft", { touch: false });

  // Two months back: past its due date, the late reminder says what to do.
  await desk.getByTestId("mr-month").selectOption(twoBack);
  const reminder = desk.getByTestId("mr-reminder");
  await reminder.waitFor({ timeout: 30_000 });
  const said = await reminder.innerText();
  assert.ok(said.includes(`${chineseMonth(twoBack)}书面报告已逾期`) && said.includes(`应于${lastMonth}-`) && said.includes("下载PDF报送县委组织部"), said);
  await shot(desk, "desk-late-reminder", { touch: false });

  // This month: the proposal counted; not over, so it cannot be issued.
  await desk.getByTestId("mr-month").selectOption(today.slice(0, 7));
  await desk.getByTestId("mr-proposals-received").filter({ hasText: "1" }).waitFor({ timeout: 30_000 });
  assert.equal(await figure("proposals-accepted"), "立案（件） 1");
  assert.ok(await desk.getByTestId("mr-issue").isDisabled(), "a month not over cannot be issued");
  assert.equal(await opacityOf(desk, "mr-issue"), "0.5", "and 报送 looks disabled");
  assert.ok((await desk.getByTestId("monthly-report").innerText()).includes("该月结束后才能报送"));

  // Issue last month's report: the dialog first, then it is in the issued list.
  await desk.getByTestId("mr-month").selectOption(lastMonth);
  await desk.getByTestId("mr-sittings-held").filter({ hasText: "1" }).waitFor({ timeout: 30_000 });
  // Inert for a second after the month changed, yet it does not fade as a disabled one does.
  assert.equal(await opacityOf(desk, "mr-issue"), "1", "an issuable 报送 never looks disabled");
  await desk.waitForTimeout(1200); // a new button is inert for a second
  await desk.getByTestId("mr-issue").click();
  const dialog = desk.getByTestId("confirm-dialog");
  await dialog.waitFor();
  assert.ok((await dialog.innerText()).includes("不能修改"), await dialog.innerText());
  await shot(desk, "desk-issue-confirm", { touch: false });
  await desk.waitForTimeout(1200);
  await desk.getByTestId("confirm-ok").click();
  const row = desk.getByTestId(`mr-issued-${lastMonth}`);
  await row.waitFor({ timeout: 30_000 });
  assert.ok((await row.innerText()).includes(`MR-${lastMonth}`) && (await row.innerText()).includes(draftDigest), "issued with the draft's digest");
  await desk.getByTestId("mr-state").filter({ hasText: `已报送 MR-${lastMonth}` }).waitFor({ timeout: 30_000 });
  assert.equal(await desk.getByTestId("mr-issue").count(), 0, "no second issue");
  assert.equal(await figure("sittings-present"), "代表出席（人次） 2");
  await shot(desk, "desk-issued", { touch: false });

  // The downloads: the PDF with the figures, the JSON with the digest.
  const download = async (testid) => {
    const [d] = await Promise.all([desk.waitForEvent("download"), desk.getByTestId(testid).click()]);
    return { name: d.suggestedFilename(), path: await d.path() };
  };
  const pdf = await download("mr-download-pdf");
  assert.equal((await readFile(pdf.path)).subarray(0, 4).toString("latin1"), "%PDF", `${pdf.name} is a PDF`);
  const text = await pdfText(pdf.path);
  for (const word of [`MR-${lastMonth}`, "第一次会议", draftDigest.slice(0, 16)]) assert.ok(text.includes(word), `the PDF says ${word}:\n${text}`);
  const json = JSON.parse(await readFile((await download("mr-download-json")).path, "utf8"));
  assert.equal(json.report_digest, draftDigest);
  assert.equal(json.report.sittings.held, 1);
  assert.equal(json.report.sittings.excused, 1);
  // The same figures in Traditional Chinese and in English.
  await desk.getByTestId("lang-zh-TW").click();
  assert.equal(await figure("sittings-held"), "召開會議（次） 1");
  await desk.getByTestId("lang-en").click();
  assert.equal(await figure("sittings-present"), "Delegates present (attendances) 2");
  assert.ok((await desk.getByTestId("mr-state").innerText()).includes(`Issued MR-${lastMonth}`));
  await shot(desk, "desk-issued-en", { touch: false });
  await desk.getByTestId("lang-zh-CN").click();

  // D001's phone: 我的履职 in large type, the sitting as 请假, and the PDF.
  const phone = await (await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true, acceptDownloads: true })).newPage();
  phone.on("pageerror", (e) => console.error("phone page error:", e.message));
  pages.set("phone", phone);
  await phone.goto(`${server.url}/tablet.html`);
  await phone.locator("input[name=person]").fill("D001");
  await phone.locator("input[name=code]").fill(hall.codeOf.get("D001"));
  await phone.getByTestId("enroll-submit").click();
  await phone.getByTestId("me-name").waitFor({ timeout: 30_000 });
  await phone.getByTestId("my-performance-open").click();
  await phone.getByTestId("pf-body").waitFor({ timeout: 30_000 });
  assert.equal((await phone.getByTestId("pf-sittings-attended").innerText()).replace(/\s+/g, " ").trim(), "0 / 1 次 出席会议");
  assert.ok((await phone.getByTestId("pf-activities-line").innerText()).includes("应参加 0 次，参加 0 次"));
  assert.equal((await phone.getByTestId("pf-groups").innerText()).trim(), "未编入代表小组");
  const sitting = await phone.getByTestId("pf-sitting-s0").innerText();
  assert.ok(sitting.includes("第一次会议") && sitting.includes("请假"), sitting);
  for (const el of ["pf-sitting-s0", "pf-contacts", "my-performance-open"]) {
    const size = await phone.getByTestId(el).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= 20, `${el} is in large type (${size}px)`);
  }
  await phone.getByTestId("my-performance").scrollIntoViewIfNeeded();
  await shot(phone, "phone-performance");
  await phone.getByTestId("my-performance").screenshot({ path: join(artifacts, "phone-performance-card.png") });
  const [pd] = await Promise.all([phone.waitForEvent("download"), phone.getByTestId("pf-download").click()]);
  const pfText = await pdfText(await pd.path());
  assert.ok(pfText.includes("王建国") && pfText.includes("第一次会议"), `the performance file PDF:\n${pfText}`);
});
