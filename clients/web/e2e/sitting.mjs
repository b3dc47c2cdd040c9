// The hall in the browser, end to end: a real plenumd, headless Chromium, and a whole small
// sitting driven through the four apps — the secretary (enrolled from the start-up code)
// acknowledges the roster's warnings and prints enrollment cards; chair, big screen, three
// scrutineers and six delegates enroll from those cards (QR link or typed code); the key
// ceremony; check-in (one assisted) and an excusal; the sitting opens on quorum; a motion, an
// election, an appraisal and a confidence vote, each marked on the tablets, encrypted, proved
// and signed there, cast (the server checks every ballot with the C++ verify_ballot), closed
// and decrypted by two of the three scrutineers; every count is compared with the marks
// intended; those two scrutineers check each result against their own boards and sign it, the
// chair announces it and the big screen shows it announced; a delegate submits a proposal and
// the secretary exports the record through the server. A screenshot of every screen goes to $PLENUM_WEB_ARTIFACTS (default
// build/test-artifacts/web); pages are checked for horizontal overflow and small touch targets.
//
// With --verify PATH, the congress's record is then exported (`plenumd export`) and checked
// by the independent verifier (`plenum-verify`, C++) against the congress key the browsers saw.
//
// Usage: node e2e/sitting.mjs --plenumd PATH [--verify PATH] [--web-root DIR]
// (exit status 0 on success)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launch, launchWithCamera } from "./browser.mjs";
import { startPlenumd } from "./plenumd.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const { values: opts } = parseArgs({
  options: {
    plenumd: { type: "string" },
    verify: { type: "string" },
    "web-root": { type: "string", default: resolve(here, "../dist-app") },
  },
});
assert.ok(opts.plenumd, "--plenumd PATH is required");
const artifacts = process.env.PLENUM_WEB_ARTIFACTS ?? resolve(here, "../../../build/test-artifacts/web");
await mkdir(artifacts, { recursive: true });
const boardFile = process.env.PLENUM_BROWSER_BOARD ?? join(artifacts, "browser-board.json");
await rm(boardFile, { force: true }); // never leave an earlier run's board for the C++ check

const PORTRAIT = { width: 800, height: 1280 };
const LANDSCAPE = { width: 1280, height: 800 };
const DESK = { width: 1280, height: 800 };
const SCREEN = { width: 1920, height: 1080 };

const ROSTER = [
  "number,name,gender,ethnicity,occupation,unit,group,roles,committee",
  "D01,王建国,M,汉族,farming,第一选区,第一组,delegate,no",
  "D02,李秀英,F,汉族,education,第一选区,第一组,delegate,no",
  "D03,张伟,M,回族,health,第二选区,第一组,delegate,no",
  "D04,刘芳,F,汉族,science,第二选区,第二组,delegate,no",
  "D05,陈明,M,汉族,farming,第三选区,第二组,delegate,no",
  "D06,杨丽,F,汉族,education,第三选区,第二组,delegate,no",
  "D07,赵刚,M,汉族,health,第三选区,第二组,delegate,no",
  "S01,周文,F,汉族,education,,,scrutineer,no",
  "S02,吴强,M,汉族,farming,,,scrutineer,no",
  "S03,郑洁,F,汉族,health,,,scrutineer,no",
  "CH,孙志远,M,汉族,other,,,chair,yes",
  "SE,何静,F,汉族,other,,,secretary,no",
  "PR,会场大屏,M,汉族,other,,,projector,no",
].join("\n") + "\n";
const DELEGATES = ["D01", "D02", "D03", "D04", "D05", "D06"];
const SCRUTINEERS = ["S01", "S02", "S03"];

// The marks each delegate intends, per vote: option id per contest, or null for no mark.
const CANDIDATES = ["王明", "李华", "张伟", "刘芳"];
const MEMBERS = ["陈静", "赵强"];
const VOTES = [
  {
    id: "v-report", item: "i-report", kind: "motion", title: "关于党委工作报告的决议",
    marks: { D01: ["for"], D02: ["for"], D03: ["for"], D04: ["against"], D05: ["abstain"], D06: ["for"] },
  },
  {
    id: "v-elect", item: "i-elect", kind: "election", title: "增补党委委员选举", seats: 3, people: CANDIDATES,
    marks: {
      D01: ["approve", "approve", "approve", "disapprove"],
      D02: ["approve", "approve", null, "disapprove"],
      D03: ["approve", "disapprove", "approve", "approve"],
      D04: ["approve", "approve", "disapprove", null],
      D05: [null, "approve", "approve", "disapprove"],
      D06: ["approve", null, "approve", "approve"],
    },
  },
  {
    id: "v-appraise", item: "i-appraise", kind: "appraisal", title: "对党委班子成员的民主评议", people: MEMBERS,
    marks: {
      D01: ["excellent", "competent"], D02: ["excellent", "basic"], D03: ["competent", "competent"],
      D04: ["excellent", null], D05: ["incompetent", "excellent"], D06: [null, "competent"],
    },
  },
  {
    id: "v-trust", item: "i-appraise", kind: "confidence", title: "信任投票", people: MEMBERS,
    marks: {
      D01: ["trust", "trust"], D02: ["trust", "basic-trust"], D03: ["basic-trust", "trust"],
      D04: ["trust", "distrust"], D05: ["distrust", null], D06: ["trust", "trust"],
    },
  },
];
const OPTIONS = {
  motion: ["for", "against", "abstain"],
  election: ["approve", "disapprove"],
  appraisal: ["excellent", "competent", "basic", "incompetent"],
  confidence: ["trust", "basic-trust", "distrust"],
};

/** The counts per position (manifest order) the marks should decrypt to. */
function expectedCounts(vote) {
  const options = OPTIONS[vote.kind];
  const contests = vote.kind === "motion" ? 1 : vote.people.length;
  const counts = new Array(contests * options.length).fill(0);
  for (const marks of Object.values(vote.marks))
    marks.forEach((m, c) => {
      if (m !== null) counts[c * options.length + options.indexOf(m)] += 1;
    });
  return counts;
}


/**
 * A one-frame YUV4MPEG2 video (640×480, 4:2:0) of the PNG `png`, centred on white: what a
 * camera pointed at the card would see. The pixels are read in `page`.
 */
async function cardVideo(page, png, file) {
  const [w, h] = [640, 480];
  const yuv = await page.evaluate(
    async ([b64, w, h]) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const img = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const c = document.createElement("canvas");
      c.width = w;
      c.height = h;
      const g = c.getContext("2d");
      g.fillStyle = "#fff";
      g.fillRect(0, 0, w, h);
      const scale = Math.min((w - 40) / img.width, (h - 40) / img.height, 1);
      g.drawImage(img, (w - img.width * scale) / 2, (h - img.height * scale) / 2, img.width * scale, img.height * scale);
      const d = g.getImageData(0, 0, w, h).data;
      const out = new Uint8Array((w * h * 3) / 2);
      const lum = (i) => 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      for (let i = 0; i < w * h; ++i) out[i] = Math.round(lum(i * 4));
      out.fill(128, w * h); // no colour
      let s = "";
      for (let i = 0; i < out.length; i += 0x8000) s += String.fromCharCode(...out.subarray(i, i + 0x8000));
      return btoa(s);
    },
    [png.toString("base64"), w, h],
  );
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F30:1 Ip A1:1 C420jpeg\nFRAME\n`);
  await writeFile(file, Buffer.concat([header, Buffer.from(yuv, "base64")]));
}

const shots = [];
const problems = [];

/** Saves a screenshot and checks the page for horizontal overflow and small touch targets. */
async function shot(page, name, { touch = true } = {}) {
  await page.waitForTimeout(150); // let the last render and fonts settle
  const file = join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  shots.push(file);
  const layout = await page.evaluate(() => {
    const doc = document.documentElement;
    const small = [];
    for (const el of document.querySelectorAll("button, a.app-link, input:not([type=checkbox]), select, summary")) {
      const r = el.getBoundingClientRect();
      const visible = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
      if (visible && (r.height < 47.5 || r.width < 47.5)) small.push(`${el.tagName} "${(el.textContent ?? "").trim().slice(0, 20)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    }
    return { overflow: doc.scrollWidth - doc.clientWidth, small };
  });
  if (layout.overflow > 0) problems.push(`${name}: horizontal overflow of ${layout.overflow}px`);
  if (touch && layout.small.length) problems.push(`${name}: small touch targets: ${layout.small.join("; ")}`);
}

async function newPage(browser, base, viewport) {
  const context = await browser.newContext({ viewport, ignoreHTTPSErrors: true, locale: "zh-CN" });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.setDefaultTimeout(60_000);
  page.base = base;
  return page;
}

const tid = (page, id) => page.locator(`[data-testid="${id}"]`);

/** Enrolls a page's device: by the card's QR link (hash) or by typing number and code. */
async function enroll(page, app, person, code, { typed = false, name } = {}) {
  if (typed) {
    await page.goto(`${page.base}/${app}.html`);
    await page.fill('input[name="person"]', person);
    await page.fill('input[name="code"]', code);
  } else {
    await page.goto(`${page.base}/${app}.html#enroll=${encodeURIComponent(person)}:${code}`);
  }
  if (name) await shot(page, name);
  await tid(page, "enroll-submit").click();
  await tid(page, "who").waitFor();
  assert.match(await tid(page, "who").innerText(), new RegExp(person));
}

/** The chair's client state, read from the page. */
const stateOf = (page) => page.evaluate(() => window.plenum.state.get());

async function waitState(page, pred, what) {
  const end = Date.now() + 60_000;
  for (;;) {
    const s = await stateOf(page);
    if (s && pred(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(s)?.slice(0, 500)}`);
    await page.waitForTimeout(100);
  }
}

async function noError(page) {
  const err = tid(page, "error");
  if (await err.count()) throw new Error(`console shows: ${await err.innerText()}`);
}

async function castBallot(page, vote, person, index) {
  const marks = vote.marks[person];
  const ballot = tid(page, `ballot-${vote.id}`);
  await ballot.waitFor();
  if (vote.kind === "motion") {
    await tid(page, `mark-0-${marks[0]}`).click();
  } else {
    for (let c = 0; c < marks.length; ++c) await tid(page, `mark-${c}-${marks[c] ?? "none"}`).click();
  }
  if (index === 0) await shot(page, `tablet-${person}-ballot-${vote.kind}`);
  await tid(page, "review").click();
  await tid(page, "confirm").waitFor({ timeout: 60_000 });
  const code = await tid(page, "tracking-code").innerText();
  assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3,}$/);
  if (index === 0) await shot(page, `tablet-${person}-confirm-${vote.kind}`);
  await tid(page, "cast").click();
  await tid(page, "receipt").waitFor();
  assert.equal(await tid(page, "receipt-code").innerText(), code, "receipt tracking code equals the one shown before casting");
  if (index === 0) await shot(page, `tablet-${person}-receipt-${vote.kind}`);
}

const server = await startPlenumd({
  binary: opts.plenumd,
  webRoot: opts["web-root"],
  rosterCsv: ROSTER,
  membership: [200, 90, 20],
});
const browser = await launch();
const cleanups = [];
let failed = false;
let congressKey = "";
try {
  const base = server.url;
  const se = server.credentials.find((c) => c.person === "SE");
  assert.ok(se, "plenumd wrote the secretary's start-up code");

  // The start page.
  const index = await newPage(browser, base, DESK);
  await index.goto(`${base}/`);
  await shot(index, "index");

  // Secretary: enroll, acknowledge the warnings, issue every card.
  const sec = await newPage(browser, base, DESK);
  await enroll(sec, "secretary", "SE", se.code, { typed: true, name: "secretary-enroll" });
  await tid(sec, "acknowledge").click();
  await sec.getByText("已确认").waitFor();
  const codes = {};
  for (const person of [...DELEGATES, "D07", ...SCRUTINEERS, "CH", "PR"]) {
    await tid(sec, `issue-${person}`).click();
    const card = tid(sec, `card-${person}`);
    await card.waitFor();
    codes[person] = (await card.locator('[data-testid="card-code"]').innerText()).trim();
    assert.equal(await card.locator("svg").count(), 1, "the card carries a QR code");
  }
  await shot(sec, "secretary-desk-cards", { touch: false });

  // The chair's card read back as a camera would (zbarimg on the card's picture): the QR code
  // holds the tablet page's link with number and code, which enrolls the chair's console.
  const cardPng = join(artifacts, "card-CH.png");
  await tid(sec, "card-CH").screenshot({ path: cardPng });
  const scanned = execFileSync("zbarimg", ["--raw", "-q", cardPng], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  assert.equal(scanned, `${base}/tablet.html#enroll=CH:${codes.CH}`);
  const chair = await newPage(browser, base, DESK);
  await chair.goto(scanned.replace("/tablet.html", "/chair.html"));
  await tid(chair, "enroll-submit").click();
  await tid(chair, "who").waitFor();
  congressKey = await chair.evaluate(() => window.plenum.congressPk.hex());
  const screen = await newPage(browser, base, SCREEN);
  await enroll(screen, "screen", "PR", codes.PR);

  // Scrutineers and delegates on their tablets (half of them in landscape). S03 reads its
  // card with the tablet's camera (a fake camera showing the card) and the app's QR scanner.
  const scr = {};
  for (const [i, p] of SCRUTINEERS.slice(0, 2).entries()) {
    scr[p] = await newPage(browser, base, i === 0 ? PORTRAIT : LANDSCAPE);
    await enroll(scr[p], "tablet", p, codes[p]);
  }
  const video = join(artifacts, "card-S03.y4m");
  await cardVideo(sec, await tid(sec, "card-S03").screenshot(), video);
  const cameraBrowser = await launchWithCamera(video);
  cleanups.push(() => cameraBrowser.close());
  scr.S03 = await newPage(cameraBrowser, base, LANDSCAPE);
  await scr.S03.goto(`${base}/tablet.html`);
  await scr.S03.getByRole("button", { name: "扫描二维码" }).click();
  await scr.S03.waitForFunction(() => document.querySelector('input[name="code"]')?.value.length > 0, null, { timeout: 30_000 });
  assert.equal(await scr.S03.inputValue('input[name="person"]'), "S03");
  assert.equal(await scr.S03.inputValue('input[name="code"]'), codes.S03);
  await shot(scr.S03, "tablet-S03-enroll-scanned");
  await tid(scr.S03, "enroll-submit").click();
  await tid(scr.S03, "who").waitFor();
  const tab = {};
  for (const [i, p] of DELEGATES.entries()) {
    tab[p] = await newPage(browser, base, i % 2 === 0 ? PORTRAIT : LANDSCAPE);
    await enroll(tab[p], "tablet", p, codes[p], { typed: i === 1, name: i === 0 ? "tablet-enroll" : undefined });
  }

  // Chair: the sitting, its agenda and the key ceremony.
  await chair.fill('input[name="sitting_id"]', "s-2026");
  await chair.fill('input[name="sitting_title"]', "2026年度党代会年会");
  await tid(chair, "create-sitting-btn").click();
  await waitState(chair, (s) => s.sitting?.id === "s-2026", "the sitting");
  const items = [
    ["i-report", "report", "审议党委工作报告"],
    ["i-elect", "election", "增补党委委员"],
    ["i-appraise", "appraisal", "民主评议党委班子成员"],
  ];
  await chair.locator('[data-testid="agenda"] details summary').click();
  for (const [id, kind, title] of items) {
    await chair.fill('input[name="item_id"]', id);
    await chair.selectOption('select[name="item_kind"]', kind);
    await chair.fill('input[name="item_title"]', title);
    await chair.fill('input[name="item_responsible"]', "孙志远");
    await tid(chair, "add-item").click();
    await waitState(chair, (s) => s.agenda.some((it) => it.id === id), `item ${id}`);
  }
  // Materials, distributed to the tablets before the sitting.
  await sec.selectOption('select[name="material_item"]', "i-report");
  await sec.fill('input[name="material_id"]', "m-report");
  await sec.fill('input[name="material_title"]', "中共某某镇委员会2026年度工作报告");
  await sec.fill('textarea[name="material_text"]', "一、过去一年的工作回顾\n二、存在的问题和不足\n三、2026年工作安排");
  await tid(sec, "add-material").click();
  await waitState(chair, (s) => s.agenda.find((it) => it.id === "i-report")?.materials.length === 1, "the material");
  await tab.D01.getByRole("button", { name: /审议党委工作报告/ }).click();
  await tab.D01.getByText("三、2026年工作安排").waitFor();
  await shot(tab.D01, "tablet-D01-agenda-materials");

  await chair.fill('input[name="scrutineers"]', SCRUTINEERS.join(","));
  await chair.fill('input[name="k"]', "2");
  await tid(chair, "start-ceremony").click();
  await waitState(chair, (s) => s.ceremony?.n === 3, "the ceremony");
  await noError(chair);

  for (const p of SCRUTINEERS) await tid(scr[p], "keygen").click();
  for (const p of SCRUTINEERS) {
    await tid(scr[p], "pin").fill(`24${p.slice(1)}68`);
    await tid(scr[p], "confirm-key").click();
  }
  await waitState(chair, (s) => s.ceremony?.complete === true, "the election key");
  await shot(scr.S01, "tablet-S01-scrutineer-ceremony");

  // Check-in: five on their tablets, D06 assisted by the secretary, D07 excused.
  await tid(chair, "open-checkin").click();
  await waitState(chair, (s) => s.sitting.checkin_open, "check-in open");
  await shot(screen, "screen-checkin", { touch: false });
  for (const p of DELEGATES.slice(0, 5)) {
    await tid(tab[p], "checkin").click();
    await tid(tab[p], "checked-in").waitFor();
  }
  await shot(tab.D01, "tablet-D01-checked-in-portrait");
  await shot(tab.D02, "tablet-D02-checked-in-landscape");
  await tid(sec, "reason").fill("平板电量不足");
  await tid(sec, "approver").fill("孙志远");
  await tid(sec, "assist-D06").click();
  await waitState(chair, (s) => s.present === 6, "six present");
  await tid(sec, "reason").fill("因病请假");
  await tid(sec, "excuse-D07").click();
  const opened = await waitState(chair, (s) => s.seated === 6 && s.excused === 1, "D07 excused");
  assert.equal(opened.quorum.required, 5);
  await tid(sec, "search").fill("D0");
  await shot(sec, "secretary-desk-attendance", { touch: false });
  // The attendance export: a CSV with everyone's presence and the excusal's reason.
  await tid(sec, "person-D07").getByText("因病请假").waitFor();
  await tid(sec, "person-D06").getByText("已签到").waitFor();
  const [download] = await Promise.all([sec.waitForEvent("download"), tid(sec, "export-attendance").click()]);
  const csv = await readFile(await download.path(), "utf8");
  assert.match(csv, /^\ufeffnumber,name,unit,group,present,excused,reason,approver\r\n/);
  assert.match(csv, /D06,杨丽,第三选区,第二组,1,0,,\r\n/);
  assert.match(csv, /D07,赵刚,第三选区,第二组,0,1,因病请假,孙志远\r\n/);
  await tid(chair, "open-sitting").click();
  await waitState(chair, (s) => s.sitting.status === "open", "the sitting open");

  // The four votes.
  for (const vote of VOTES) {
    if ((await stateOf(chair)).current_item !== vote.item) await tid(chair, `current-${vote.item}`).click();
    await waitState(chair, (s) => s.current_item === vote.item, `item ${vote.item} current`);
    const details = chair.locator('[data-testid="votes"] details');
    if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
    await chair.fill('input[name="vote_id"]', vote.id);
    await chair.selectOption('select[name="vote_item"]', vote.item);
    await chair.selectOption('select[name="vote_kind"]', vote.kind);
    await chair.fill('input[name="vote_title"]', vote.title);
    if (vote.kind === "election") await chair.fill('input[name="seats"]', String(vote.seats));
    if (vote.people) await chair.fill('textarea[name="people"]', vote.people.join("\n"));
    await tid(chair, "create-vote").click();
    await waitState(chair, (s) => s.votes.some((v) => v.id === vote.id), `vote ${vote.id} created`);
    await noError(chair);
    if (vote.kind === "election") {
      // D05's connection drops before the vote opens: the tablet reconnects, authenticates
      // again and resumes the board from where it was, so it still gets the vote's keys.
      await tab.D05.evaluate(
        () =>
          new Promise((resolve) => {
            const c = window.plenum;
            let dropped = false;
            c.status.subscribe((st) => {
              if (st === "offline") dropped = true;
            });
            c.identity.subscribe(() => dropped && resolve());
            c.ws.close();
          }),
      );
    }
    await tid(chair, `open-${vote.id}`).click();
    await waitState(chair, (s) => s.votes.find((v) => v.id === vote.id)?.status === "open", `vote ${vote.id} open`);

    if (vote.kind === "election") {
      // More approvals than seats cannot even be sent: the counter warns, review is disabled.
      const p = tab.D01;
      await tid(p, `ballot-${vote.id}`).waitFor();
      for (let c = 0; c < 4; ++c) await tid(p, `mark-${c}-approve`).click();
      assert.match(await tid(p, "approvals").innerText(), /4/);
      assert.ok(await tid(p, "review").isDisabled(), "an over-approved ballot cannot be reviewed");
      await shot(p, "tablet-D01-election-too-many");
    }
    for (const [i, p] of DELEGATES.entries()) {
      await castBallot(tab[p], vote, p, i);
      if (i === 2) {
        await shot(chair, `chair-progress-${vote.kind}`, { touch: false });
        await shot(screen, `screen-progress-${vote.kind}`, { touch: false });
      }
    }
    await waitState(chair, (s) => s.votes.find((v) => v.id === vote.id)?.received === 6, `six ballots in ${vote.id}`);
    await tid(chair, `close-${vote.id}`).click();
    await waitState(chair, (s) => s.votes.find((v) => v.id === vote.id)?.status === "closed", `vote ${vote.id} closed`);
    for (const p of SCRUTINEERS.slice(0, 2)) {
      await tid(scr[p], `approve-${vote.id}`).click();
      await tid(scr[p], `approve-${vote.id}`).waitFor({ state: "detached" });
    }
    const decided = await waitState(chair, (s) => s.votes.find((v) => v.id === vote.id)?.status === "decided", `vote ${vote.id} decided`);
    const v = decided.votes.find((x) => x.id === vote.id);
    assert.deepEqual(v.counts, expectedCounts(vote), `decrypted counts of ${vote.id} equal the marks cast`);
    assert.equal(v.outcome.ballots, 6);
    console.log(`${vote.id}: counts ${JSON.stringify(v.counts)} as intended`);
    if (vote.kind === "motion") assert.equal(v.outcome.passed, true);
    if (vote.kind === "election") assert.deepEqual(v.outcome.elected, ["cand-0", "cand-1", "cand-2"]);
    await screen.locator(`[data-testid="result-${vote.id}"]`).waitFor();
    // The scrutineers who decrypted check the result against their own boards and sign it;
    // the chair can announce only then.
    assert.ok(await tid(chair, `announce-${vote.id}`).isDisabled(), "no announcement before the scrutineers sign");
    for (const p of SCRUTINEERS.slice(0, 2)) {
      await tid(scr[p], `sign-${vote.id}`).click();
      await tid(scr[p], `signed-${vote.id}`).waitFor();
      await noError(scr[p]);
    }
    await waitState(chair, (s) => s.votes.find((x) => x.id === vote.id)?.signatures === 2, `scrutineers signed ${vote.id}`);
    if (vote.kind === "motion") await shot(scr.S01, "tablet-S01-scrutineer-signed");
    await tid(chair, `announce-${vote.id}`).click();
    await waitState(chair, (s) => s.votes.find((x) => x.id === vote.id)?.announced === true, `${vote.id} announced`);
    await noError(chair);
    await screen.locator(`[data-testid="announced-${vote.id}"]`).waitFor();
    await shot(screen, `screen-result-${vote.kind}`, { touch: false });
    await shot(chair, `chair-result-${vote.kind}`, { touch: false });
  }

  // A delegate submits a proposal from the tablet (at any time).
  await tid(tab.D02, "proposal-title").fill("关于改善社区道路照明的提案");
  await tid(tab.D02, "proposal-text").fill("建议在新区主干道增设路灯，并由街道办负责维护。");
  await tid(tab.D02, "proposal-submit").click();
  await tid(tab.D02, "proposal-done").waitFor();
  await noError(tab.D02);
  await shot(tab.D02, "tablet-D02-proposal");

  // The secretary exports the record through the server: its directory, events and head.
  await tid(sec, "export-record").click();
  await tid(sec, "record-done").waitFor();
  await noError(sec);
  assert.match(await tid(sec, "record-dir").innerText(), /exports[\/]record-\d+/);
  assert.ok(Number(await tid(sec, "record-events").innerText()) > 0, "the export counts its events");
  assert.match(await tid(sec, "record-head").innerText(), /^[0-9a-f]{64}$/);
  await shot(sec, "secretary-export-record", { touch: false });
  // The board as the chair's browser received and checked it, for the C++ check of every
  // browser-made ballot (tests/web/browser_board_test.cpp).
  const board = await chair.evaluate(() =>
    window.plenum.board
      .get()
      .filter((e) => ["vote_created", "vote_opened", "ballot_accepted", "partial_submitted", "vote_decided"].includes(e.type))
      .map((e) => ({ seq: e.seq, type: e.type, payload: e.payload })),
  );
  assert.equal(board.filter((e) => e.type === "ballot_accepted").length, VOTES.length * DELEGATES.length);
  await writeFile(boardFile, JSON.stringify({ events: board }));
  await shot(scr.S02, "tablet-S02-scrutineer-approved");
  await shot(tab.D03, "tablet-D03-results-portrait");

  // Languages.
  await tid(tab.D04, "lang-zh-TW").click();
  await shot(tab.D04, "tablet-D04-zh-TW-landscape");
  await tid(tab.D04, "lang-en").click();
  await shot(tab.D04, "tablet-D04-en-landscape");
  await tid(screen, "lang-zh-TW").click();
  await shot(screen, "screen-zh-TW", { touch: false });

  await tid(chair, "close-sitting").click();
  await waitState(chair, (s) => s.sitting.status === "closed", "the sitting closed");
  await shot(chair, "chair-closed", { touch: false });
  assert.deepEqual(problems, [], problems.join("\n"));
  console.log(`ok: ${shots.length} screenshots in ${artifacts}`);
} catch (e) {
  failed = true;
  console.error(e);
  if (problems.length) console.error(problems.join("\n"));
  console.error("--- plenumd output ---\n" + server.log().slice(-4000));
} finally {
  for (const fn of cleanups) await fn().catch(() => undefined);
  await browser.close();
  await server.stop();
}
if (!failed && opts.verify) {
  // The independent verifier on the record of this sitting: every hash, signature, check-in,
  // the ceremony, each browser-made ballot with its proofs, the partials, counts and outcomes.
  const record = join(server.dataDir, "record");
  try {
    execFileSync(opts.plenumd, ["export", "--data-dir", server.dataPath, "--out", record], { stdio: ["ignore", "pipe", "pipe"] });
    const out = execFileSync(opts.verify, [record, "--congress-key", congressKey], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    console.log(out.trim().split("\n").slice(-6).join("\n"));
    console.log("ok: plenum-verify accepts the record of the browser sitting");
  } catch (e) {
    failed = true;
    console.error(`the record does not verify: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}
await server.remove();
process.exit(failed ? 1 : 0);
