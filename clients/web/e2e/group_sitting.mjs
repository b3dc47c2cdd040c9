// A delegate group's own sitting led from the chair's console in the browser: the real plenumd,
// the hall of groups_hall.mjs (twelve delegates, eleven of them in 东片) through plenum-cli
// (cli_sitting.mjs), the secretary's desk and the chair's console (1280×800) in headless
// Chromium. The desk forms the group and arranges its meeting; the chair enrolls from a card and
// leads that meeting by the console's next step alone: the key ceremony with the scrutineers
// picked by name, check-in, the opening (应到 11 — the group's members, not the hall's twelve —
// 实到 10, 法定人数 9), the election of 组长 and 副组长 (item, vote, open, close, the scrutineers'
// decryption and signatures awaited by name, the announcement) and the closing. Delegates cast
// and scrutineers decrypt and sign from the command line; D012 of 西片 cannot check in. The
// console names the group's meeting as such at every step, and the desk does not take it for
// an annual meeting waiting for its follow-up reports, nor does D012's performance file list it
// as missed. Screenshots (checked for overflow and with axe-core) go to
// $PLENUM_WEB_ARTIFACTS/group_sitting.
//
// Usage: node e2e/group_sitting.mjs --plenumd PATH --cli PATH [--web-root DIR]   (exit 0 on success)
import assert from "node:assert/strict";
import { runCliHallTest } from "./cli_hall_test.mjs";
import { MEMBERS, ROSTER } from "./groups_hall.mjs";

const DESK = { width: 1280, height: 800 };
const GROUP = "东片代表小组";
const MEETING = `${GROUP}会议（选举组长、副组长）`;
const ITEM = "选举组长、副组长";
const VOTE = "选举组长、副组长（应选2名）";

await runCliHallTest(
  "group_sitting",
  async ({ server, cli, browser, shot, pages }) => {
    // Cards for the desk and the chair (the command line's keys for SE and CH are replaced).
    const codeFor = async (person) => (await cli("SE", ["issue-code", person], true)).trim().split(",")[1].trim();
    const chairCode = await codeFor("CH");
    const deskCode = await codeFor("SE");
    const open = async (name, app, person, code) => {
      const page = await (await browser.newContext({ viewport: DESK, ignoreHTTPSErrors: true, timezoneId: "Asia/Shanghai", locale: "zh-CN" })).newPage();
      page.on("pageerror", (e) => console.error(`${name} page error:`, e.message));
      pages.set(name, page);
      await page.goto(`${server.url}/${app}.html#enroll=${person}:${code}`);
      await page.getByTestId("enroll-submit").click();
      await page.getByTestId("who").waitFor({ timeout: 30_000 });
      return page;
    };

    // The desk forms the group (its form is groups.mjs's) and arranges the group's meeting.
    const desk = await open("desk", "secretary", "SE", deskCode);
    await desk.evaluate((members) => window.plenum.request("form_group", { name: "东片代表小组", basis: "area", members }), MEMBERS);
    await desk.getByTestId("nav-groups").click();
    await desk.getByTestId("leaders-open-G1").click();
    await desk.getByTestId("group-meeting-title-G1").waitFor({ timeout: 30_000 });
    assert.equal(await desk.getByTestId("group-meeting-title-G1").inputValue(), MEETING);
    await desk.waitForTimeout(1200); // a new button is inert for a second
    await desk.getByTestId("group-meeting-create-G1").click();
    await desk.getByTestId("leaders-no-election-G1").filter({ hasText: "已安排" }).waitFor({ timeout: 30_000 });

    // The chair's console, enrolled from its card: the group's meeting is its sitting.
    const chair = await open("chair", "chair", "CH", chairCode);
    const tid = (id) => chair.getByTestId(id);
    const stateOf = () => chair.evaluate(() => window.plenum.state.get());
    const waitState = async (pred, what) => {
      const end = Date.now() + 30_000;
      for (;;) {
        const s = await stateOf();
        if (s && pred(s)) return s;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(s)?.slice(0, 400)}`);
        await chair.waitForTimeout(100);
      }
    };
    const stepIs = (kind) => chair.waitForFunction((k) => document.querySelector('[data-testid="next-step-panel"]')?.dataset.step === k, kind, { timeout: 30_000 });
    const next = async () => {
      await chair.waitForFunction(() => !document.querySelector('[data-testid="next-step"]')?.disabled, null, { timeout: 30_000 });
      await tid("next-step").click();
    };
    const confirm = async (consequence) => {
      await tid("confirm-dialog").waitFor();
      const said = await tid("confirm-dialog").innerText();
      if (consequence) assert.match(said, consequence);
      await chair.waitForTimeout(1100); // the dialog's button is inert for a second
      await tid("confirm-ok").click();
      return said;
    };
    const snap = async (name) => {
      await chair.waitForTimeout(1100);
      await shot(chair, `chair-${name}`, { touch: false });
    };
    const sid = (await waitState((s) => s.sitting?.title === MEETING, "the group's meeting")).sitting.id;
    // On the desk, the group's meeting is no annual meeting waiting for its follow-up reports
    // (the server lists every sitting with its kind; a group's own sitting is annual by default).
    const listed = (await desk.evaluate(() => window.plenum.request("get_follow_up", {}))).follow_up.sittings;
    assert.ok(listed.some((x) => x.id === sid && x.kind === "annual"), JSON.stringify(listed));
    await desk.getByTestId("nav-followup").click();
    await desk.getByTestId("followup-materials").waitFor({ timeout: 30_000 });
    await desk.waitForTimeout(1500); // the follow-up view read
    assert.equal(await desk.getByTestId(`followup-sitting-${sid}`).count(), 0, "the group's meeting is not an annual meeting");
    assert.ok((await desk.getByTestId("followup-materials").innerText()).includes("还没有待召开的年会"));
    const seatedBefore = await stateOf();
    assert.equal(seatedBefore.seated, 11, "the group's eleven members are seated, not the hall's twelve");
    assert.equal(seatedBefore.quorum.required, 9, "four fifths of eleven, rounded up");
    // The console says whose meeting it is and whom its figures count; a group's meeting takes
    // no delegates' proposals (they go to the congress's meetings).
    const note = await tid("group-sitting-note").innerText();
    assert.ok(note.includes("代表小组会议") && note.includes(`这是${GROUP}自己的会议，不是全体代表的年会`) && note.includes("只有本小组的 11 名成员签到、投票"), note);
    assert.equal(await tid("proposals").count(), 0, "no proposals card in a group's meeting");

    // The key ceremony: the two scrutineers picked by name; they take part from the command line.
    await stepIs("ceremony");
    await tid("pick-S1").click();
    await tid("pick-S2").click();
    await snap("group-ceremony");
    await next();
    await confirm(/周文、吴强/);
    await waitState((s) => s.ceremony?.n === 2, "the ceremony started");
    await cli("S1", ["keygen", sid]);
    await cli("S2", ["keygen", sid]);
    await cli("S1", ["--pin", "1111", "open-shares", sid]);
    await cli("S2", ["--pin", "2222", "open-shares", sid]);
    await waitState((s) => s.ceremony?.complete === true, "the election key");

    // Check-in: ten of the eleven (D001 stays away); D012 of 西片 is not seated in this meeting.
    await stepIs("open_checkin");
    await snap("group-before-checkin");
    await next();
    await waitState((s) => s.sitting.checkin_open, "check-in open");
    for (const d of MEMBERS.slice(1)) await cli(d, ["checkin", sid]);
    await assert.rejects(cli("D012", ["checkin", sid]), /not_in_group/, "a delegate of another group cannot check in");
    const counted = await waitState((s) => s.present === 10, "ten present");
    assert.equal(counted.seated, 11);
    assert.equal(counted.quorum.holds, true);
    await stepIs("open_sitting");
    const figures = await tid("attendance").innerText();
    assert.match(figures, /应到\s*11/);
    assert.match(figures, /实到\s*10/);
    assert.match(figures, /法定人数\s*9/);
    await snap("group-checkin");
    await next();
    await confirm(/实到 10 人，应到 11 人，法定人数 9 人/);
    await waitState((s) => s.sitting.status === "open", "the meeting open");

    // The election's item, made current.
    await stepIs("add_item");
    await snap("group-opened");
    await chair.locator('[data-testid="agenda"] details summary').click();
    await chair.selectOption('select[name="item_kind"]', "election");
    await chair.fill('input[name="item_title"]', ITEM);
    await chair.fill('input[name="item_responsible"]', GROUP);
    await chair.waitForTimeout(1100);
    await tid("add-item").click();
    await stepIs("set_current");
    assert.match(await tid("next-step").innerText(), new RegExp(ITEM));
    await next();
    await stepIs("create_vote");

    // The vote: two seats, three candidates; created, then opened.
    assert.equal(await chair.inputValue('select[name="vote_kind"]'), "election", "an election item proposes an election");
    await chair.fill('input[name="vote_title"]', VOTE);
    await chair.fill('input[name="seats"]', "2");
    await chair.fill('textarea[name="people"]', "王建国\n李秀英\n张伟");
    assert.ok((await tid("group-candidates-hint").innerText()).includes(`候选人须是${GROUP}的成员`));
    await snap("group-create-vote");
    await next();
    await stepIs("open_vote");
    const vid = (await stateOf()).votes.find((v) => v.title === VOTE).id;
    await next();
    await waitState((s) => s.votes.find((v) => v.id === vid)?.status === "open", "the vote open");

    // The ten present vote from the command line; the console counts of ten, not twelve.
    for (const d of MEMBERS.slice(1, 6)) await cli(d, ["vote", vid, "--approve", "cand-0,cand-1", "--disapprove", "cand-2"]);
    await waitState((s) => s.votes.find((v) => v.id === vid)?.received === 5, "five ballots");
    await stepIs("close_vote");
    assert.match(await tid("next-step-explain").innerText(), /已投 5 \/ 应投 10/);
    await snap("group-voting");
    for (const d of MEMBERS.slice(6)) await cli(d, ["vote", vid, "--approve", "cand-0,cand-1", "--disapprove", "cand-2"]);
    await waitState((s) => s.votes.find((v) => v.id === vid)?.received === 10, "ten ballots");
    await next();
    await confirm(/已投 10\/10/);

    // The scrutineers decrypt and sign (command line); the console names whom it waits for.
    await stepIs("wait_decrypt");
    await tid("waiting-for").getByText(/尚未解密：周文、吴强/).waitFor();
    await cli("S1", ["--pin", "1111", "decrypt", vid]);
    await cli("S2", ["--pin", "2222", "decrypt", vid]);
    await stepIs("wait_sign");
    await cli("S1", ["sign-result", vid]);
    await cli("S2", ["sign-result", vid]);
    await stepIs("announce");
    await snap("group-announce");
    await next();
    await confirm(/不能撤回/);
    const decided = await waitState((s) => s.votes.find((v) => v.id === vid)?.announced === true, "the result announced");
    const v = decided.votes.find((x) => x.id === vid);
    assert.deepEqual(v.outcome.elected, ["cand-0", "cand-1"], "王建国 and 李秀英 elected");
    assert.equal(v.seated, 11);
    assert.equal(v.present, 10);
    await tid(`vote-${vid}`).getByText("王建国").first().waitFor();
    await snap("group-result");
    assert.deepEqual((await chair.locator("body").innerText()).match(/[A-Za-z]{3,}/g) ?? [], [], "no English on the zh-CN console");
    for (const [lang, words] of [["zh-TW", "只有本小組的 11 名成員簽到、投票"], ["en", "only the group's 11 members check in and vote"]]) {
      await tid(`lang-${lang}`).click();
      await tid("group-sitting-note").filter({ hasText: words }).waitFor();
      await snap(`group-result-${lang}`);
    }
    await tid("lang-zh-CN").click();

    // The closing.
    await stepIs("close_sitting");
    await next();
    await confirm(/不能撤回/);
    await waitState((s) => s.sitting.status === "closed", "the meeting closed");
    await stepIs("create_sitting");
    await snap("group-closed");

    // The delegates' performance files: the members' list the meeting, D012's of 西片 does not.
    const sittingsOf = (person) => chair.evaluate((p) => window.plenum.request("get_performance_file", { person: p }), person).then((r) => r.performance_file.sittings);
    assert.deepEqual((await sittingsOf("D001")).map((x) => [x.id, x.attendance]), [[sid, "absent"]]);
    assert.deepEqual((await sittingsOf("D002")).map((x) => [x.id, x.attendance]), [[sid, "present"]]);
    assert.deepEqual(await sittingsOf("D012"), [], "another group's meeting is not one D012 missed");
  },
  { roster: ROSTER },
);
