// The hall in the browser, end to end: a real plenumd, headless Chromium, and a whole small
// sitting driven through the four apps — the secretary (enrolled from the start-up code)
// acknowledges the roster's warnings and makes and prints everyone's cards in three actions;
// chair, big screen, three scrutineers and six delegates enroll from those cards (each QR code
// opens the person's own app; QR link or typed code); the chair, led by the console's next step,
// names the sitting, items and votes by title only and picks the scrutineers by name; the key
// ceremony; check-in (one assisted), an excusal and its withdrawal; confirmations cancelled and
// confirmed, double taps that open nothing; the sitting opens on quorum; a motion, an
// election, an appraisal and a confidence vote, each marked on the tablets, encrypted, proved
// and signed there, cast (the server checks every ballot with the C++ verify_ballot), closed
// and decrypted by two of the three scrutineers; every count is compared with the marks
// intended; those two scrutineers check each result against their own boards and sign it, the
// chair announces it and the big screen shows it announced; a delegate's proposal is put on the
// agenda; the secretary downloads the record, the result sheets, the summary sheet and the
// attendance list. A screenshot of every screen goes to $PLENUM_WEB_ARTIFACTS (default
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
import { screenChecks } from "./screen_checks.mjs";

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

// The agenda, typed by title only (the server names items; each gets its id at run time).
const ITEMS = {
  report: { kind: "report", title: "审议党委工作报告" },
  elect: { kind: "election", title: "增补党委委员" },
  appraise: { kind: "appraisal", title: "民主评议党委班子成员" },
};
const PROPOSAL = "关于改善社区道路照明的提案";

// The marks each delegate intends, per vote: option id per contest, or null for no mark.
// Each vote's id is the server's, read back by title once created.
const CANDIDATES = ["王明", "李华", "张伟", "刘芳", "陈刚", "赵红", "孙丽"];
const MEMBERS = ["陈静", "赵强"];
const VOTES = [
  {
    item: "report", kind: "motion", title: "关于党委工作报告的决议",
    marks: { D01: ["for"], D02: ["for"], D03: ["for"], D04: ["against"], D05: ["abstain"], D06: ["for"] },
  },
  {
    item: "elect", kind: "election", title: "增补党委委员选举", seats: 3, people: CANDIDATES,
    marks: {
      D01: ["approve", "approve", "approve", "disapprove", null, null, null],
      D02: ["approve", "approve", null, "disapprove", "disapprove", null, null],
      D03: ["approve", "disapprove", "approve", "approve", null, null, "disapprove"],
      D04: ["approve", "approve", "disapprove", null, null, "approve", null],
      D05: [null, "approve", "approve", "disapprove", null, null, null],
      D06: ["approve", null, "approve", "approve", "disapprove", "disapprove", "disapprove"],
    },
  },
  {
    item: "appraise", kind: "appraisal", title: "对党委班子成员的民主评议", people: MEMBERS,
    marks: {
      D01: ["excellent", "competent"], D02: ["excellent", "basic"], D03: ["competent", "competent"],
      D04: ["excellent", null], D05: ["incompetent", "excellent"], D06: [null, "competent"],
    },
  },
  {
    item: "appraise", kind: "confidence", title: "信任投票", people: MEMBERS,
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

const { shot, problems, files: shots } = screenChecks(artifacts);

/** The computed font size of the first element matching `selector`, in CSS pixels. */
const fontPx = (page, selector) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** Taps the delegate makes, counted per step for the tap budgets. */
let taps = 0;
async function tap(locator) {
  await locator.click();
  taps += 1;
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
    // Typed as people misread a card: O for 0, L for 1, in lower case.
    await page.fill('input[name="code"]', code.replace(/0/g, "O").replace(/1/g, "L").toLowerCase());
  } else {
    await page.goto(`${page.base}/${app}.html#enroll=${encodeURIComponent(person)}:${code}`);
  }
  if (name) await shot(page, name);
  taps = 0;
  await tap(tid(page, "enroll-submit"));
  await tid(page, "who").waitFor();
  assert.match(await tid(page, "who").innerText(), new RegExp(person));
  if (!typed) assert.ok(taps <= 2, `enrolling from the card took ${taps} taps`);
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

/** The kind of the chair console's next step (next_step.ts), once the console has settled. */
async function nextStepOf(page) {
  await page.waitForTimeout(200);
  return tid(page, "next-step-panel").getAttribute("data-step");
}

const SIZES = [DESK, SCREEN, PORTRAIT];

/** Screenshots of a desk page at 1280×800, 1920×1080 and 800×1280; the viewport is restored. */
async function shotSizes(page, name, opts) {
  await page.waitForTimeout(1100); // controls that just appeared are inert for a second (actions.tsx)
  const before = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await shot(page, `${name}-${size.width}x${size.height}`, opts);
  }
  await page.setViewportSize(before);
}

/** The most taps a delegate may need to cast a ballot of each kind (choose, review, cast). */
const TAP_BUDGET = { motion: 3, election: 10, appraisal: 2 * MEMBERS.length + 2, confidence: 2 * MEMBERS.length + 2 };

/**
 * Marks `person`'s intended choices (a row left unmarked takes no tap), reviews and casts; the
 * taps are counted against the kind's budget. Resolves with the tracking code shown.
 */
async function castBallot(page, vote, person, index) {
  const marks = vote.marks[person];
  const ballot = tid(page, `ballot-${vote.id}`);
  await ballot.waitFor();
  if (index === 0) await shot(page, `tablet-${person}-ballot-${vote.kind}`);
  taps = 0;
  if (vote.kind === "motion") {
    await tap(tid(page, `mark-0-${marks[0]}`));
  } else {
    for (let c = 0; c < marks.length; ++c) if (marks[c] !== null) await tap(tid(page, `mark-${c}-${marks[c]}`));
  }
  if (index === 0) await shot(page, `tablet-${person}-ballot-${vote.kind}-marked`);
  await tap(tid(page, "review"));
  await tid(page, "confirm").waitFor({ timeout: 60_000 });
  const code = await tid(page, "tracking-code").innerText();
  assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  if (index === 0) await shot(page, `tablet-${person}-confirm-${vote.kind}`);
  await tap(tid(page, "cast"));
  await tid(page, "receipt").waitFor();
  assert.ok(taps <= TAP_BUDGET[vote.kind], `${person} needed ${taps} taps for a ${vote.kind} (budget ${TAP_BUDGET[vote.kind]})`);
  assert.equal(await tid(page, "receipt-code").innerText(), code, "receipt tracking code equals the one shown before casting");
  assert.equal(await tid(page, "receipt").locator("svg").count(), 1, "the receipt carries a QR code");
  if (index === 0) await shot(page, `tablet-${person}-receipt-${vote.kind}`);
  return code;
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

  // Secretary: enroll, acknowledge the warnings; cards for everyone not yet enrolled in at most
  // three actions (the section, one button for all, print), counted.
  const sec = await newPage(browser, base, DESK);
  await enroll(sec, "secretary", "SE", se.code, { typed: true, name: "secretary-enroll" });
  await tid(sec, "acknowledge").click();
  await sec.getByText("已确认").waitFor();
  await shotSizes(sec, "secretary-roster");
  await sec.evaluate(() => {
    window.printed = 0;
    window.print = () => (window.printed += 1); // the browser's print dialog, counted instead of shown
  });
  let secretaryActions = 0;
  const act = async (locator) => {
    await locator.click();
    secretaryActions += 1;
  };
  await act(tid(sec, "nav-cards"));
  await sec.getByText("13 人中有 12 人尚未登记设备").waitFor();
  await act(tid(sec, "issue-all"));
  await tid(sec, "issue-all-done").waitFor({ timeout: 60_000 });
  await act(tid(sec, "print-cards"));
  assert.equal(await sec.evaluate(() => window.printed), 1, "the cards went to the printer");
  assert.ok(secretaryActions <= 3, `cards for everyone took ${secretaryActions} actions`);
  const everyone = [...DELEGATES, "D07", ...SCRUTINEERS, "CH", "PR"];
  assert.equal(await sec.locator(".enroll-card").count(), everyone.length, "one card per person not enrolled");
  const codes = {};
  // Each card's QR code, read back as a camera would (zbarimg on the card's picture), opens the
  // app of the person's role with number and code.
  const appOf = { CH: "chair", PR: "screen" };
  const scannedUrl = {};
  for (const person of everyone) {
    const card = tid(sec, `card-${person}`);
    codes[person] = (await card.locator('[data-testid="card-code"]').innerText()).trim();
    const png = join(artifacts, `card-${person}.png`);
    await card.screenshot({ path: png });
    const scanned = execFileSync("zbarimg", ["--raw", "-q", png], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    assert.equal(scanned, `${base}/${appOf[person] ?? "tablet"}.html#enroll=${person}:${codes[person]}`, `${person}'s card opens its own app`);
    scannedUrl[person] = scanned;
  }
  await shotSizes(sec, "secretary-cards", { touch: false });

  // The chair's console and the big screen open from their cards' QR links.
  const chair = await newPage(browser, base, DESK);
  await chair.goto(scannedUrl.CH);
  await tid(chair, "enroll-submit").click();
  await tid(chair, "who").waitFor();
  congressKey = await chair.evaluate(() => window.plenum.congressPk.hex());
  const screen = await newPage(browser, base, SCREEN);
  await screen.goto(scannedUrl.PR);
  await tid(screen, "enroll-submit").click();
  await screen.waitForFunction(() => window.plenum?.identity.get()?.person === "PR"); // no header on the projection

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
  // The tablet for a first-time user: body text at least 22 px, the delegate's own name large.
  assert.ok((await fontPx(tab.D01, "body")) >= 22, `tablet body text is ${await fontPx(tab.D01, "body")} px`);
  assert.ok((await fontPx(tab.D01, "p.muted, p")) >= 22, "a paragraph on the tablet is at least 22 px");
  await tid(tab.D01, "me-name").getByText("王建国").waitFor();
  assert.ok((await fontPx(tab.D01, '[data-testid="me-name"]')) >= 40, "the delegate's name is large");

  // Chair: nobody types an identifier — the sitting, its items, votes and materials get theirs
  // from the server. The console's largest control is the next step.
  await shotSizes(chair, "chair-new-sitting");
  assert.equal(await nextStepOf(chair), "create_sitting");
  await chair.fill('input[name="sitting_title"]', "2026年度党代会年会");
  await tid(chair, "next-step").click();
  const created = await waitState(chair, (s) => s.sitting?.title === "2026年度党代会年会", "the sitting");
  assert.match(created.sitting.id, /^S\d+$/, "the server names the sitting");
  await tid(chair, "next-step-done").waitFor();
  // A delegate submits a proposal from the tablet (any time a sitting is scheduled or open).
  await tid(tab.D02, "proposal-title").fill(PROPOSAL);
  await tid(tab.D02, "proposal-text").fill("建议在新区主干道增设路灯，并由街道办负责维护。");
  await tid(tab.D02, "proposal-submit").click();
  await tid(tab.D02, "proposal-done").waitFor();
  await noError(tab.D02);
  await shot(tab.D02, "tablet-D02-proposal");

  await chair.locator('[data-testid="agenda"] details summary').click();
  for (const it of Object.values(ITEMS)) {
    await chair.selectOption('select[name="item_kind"]', it.kind);
    await chair.fill('input[name="item_title"]', it.title);
    await chair.fill('input[name="item_responsible"]', "孙志远");
    await tid(chair, "add-item").click();
    const s = await waitState(chair, (s) => s.agenda.some((x) => x.title === it.title), `item ${it.title}`);
    it.id = s.agenda.find((x) => x.title === it.title).id;
    assert.match(it.id, new RegExp(`^${created.sitting.id}-I\\d+$`), "the server names the item");
  }
  assert.equal(await chair.locator('input[name$="_id"]').count(), 0, "the console has no identifier field");

  // The delegate's proposal, on the secretary's desk and the chair's console, put on the agenda.
  await tid(sec, "nav-proposals").click();
  const secProposal = sec.locator('[data-testid^="proposal-"]').filter({ hasText: PROPOSAL }).first();
  await secProposal.getByText("待处理").waitFor();
  assert.match(await secProposal.innerText(), /李秀英/);
  // Only an accepted proposal goes on an agenda: the secretary's client accepts it (立案).
  await sec.evaluate(async (title) => {
    const c = window.plenum;
    const { proposals } = await c.request("get_proposals");
    const p = proposals.find((x) => x.title === title);
    await c.request("accept_proposal", { proposal_id: p.id, unit: "街道办" });
  }, PROPOSAL);
  const chairProposal = chair.locator('[data-testid="proposals"] li').filter({ hasText: PROPOSAL });
  await chairProposal.getByText("已立案，办理中").waitFor();
  await chairProposal.getByRole("button", { name: "列入议程" }).click();
  const withProposal = await waitState(chair, (s) => s.agenda.some((x) => x.kind === "proposal" && x.title === PROPOSAL), "the proposal on the agenda");
  await chairProposal.getByText("已列入议程").waitFor();
  await secProposal.getByText("已列入议程").waitFor();
  await shotSizes(sec, "secretary-proposals", { touch: false });
  assert.equal(withProposal.agenda.length, Object.keys(ITEMS).length + 1);

  // Materials, distributed to the tablets before the sitting.
  await tid(sec, "nav-materials").click();
  await sec.selectOption('select[name="material_item"]', ITEMS.report.id);
  await sec.fill('input[name="material_title"]', "中共某某镇委员会2026年度工作报告");
  await sec.fill('textarea[name="material_text"]', "一、过去一年的工作回顾\n二、存在的问题和不足\n三、2026年工作安排");
  assert.equal(await sec.locator('input[name$="_id"]').count(), 0, "the desk has no identifier field");
  await tid(sec, "add-material").click();
  await tid(sec, "add-material-done").waitFor();
  await waitState(chair, (s) => s.agenda.find((it) => it.id === ITEMS.report.id)?.materials.length === 1, "the material");
  await tab.D01.getByRole("button", { name: /审议党委工作报告/ }).click();
  await tab.D01.getByText("三、2026年工作安排").waitFor();
  await shot(tab.D01, "tablet-D01-agenda-materials");

  // The key ceremony: scrutineers picked by name in order; the threshold defaults to n for
  // n ≤ 2 and n − 1 from 3 on. Cancelling the confirmation starts nothing.
  assert.equal(await nextStepOf(chair), "ceremony");
  await tid(chair, "pick-S01").click();
  assert.equal(await chair.inputValue('input[name="k"]'), "1");
  await tid(chair, "pick-S02").click();
  assert.equal(await chair.inputValue('input[name="k"]'), "2");
  await tid(chair, "pick-S03").click();
  assert.equal(await chair.inputValue('input[name="k"]'), "2", "default threshold n − 1 for three scrutineers");
  await shotSizes(chair, "chair-ceremony-pick");
  await tid(chair, "next-step").click();
  assert.match(await tid(chair, "confirm-consequence").innerText(), /周文、吴强、郑洁（共 3 人），任意 2 人/);
  await shot(chair, "chair-confirm-ceremony", { touch: false });
  await tid(chair, "confirm-cancel").click();
  await chair.waitForTimeout(300);
  assert.equal((await stateOf(chair)).ceremony, null, "a cancelled confirmation starts no ceremony");
  await tid(chair, "next-step").click();
  await tid(chair, "confirm-ok").click();
  const cer = await waitState(chair, (s) => s.ceremony?.n === 3, "the ceremony");
  assert.equal(cer.ceremony.k, 2);
  await noError(chair);
  // The console names the scrutineers the ceremony still waits for.
  await chair.getByText("密钥生成：等待 周文、吴强、郑洁 提交").waitFor();
  for (const p of SCRUTINEERS.slice(0, 2)) await tid(scr[p], "keygen").click();
  await chair.getByText("密钥生成：等待 郑洁 提交").waitFor();
  await shotSizes(chair, "chair-ceremony-waiting");
  await tid(scr.S03, "keygen").click();
  for (const p of SCRUTINEERS) {
    await tid(scr[p], "pin").fill(`24${p.slice(1)}68`);
    await tid(scr[p], "confirm-key").click();
  }
  await waitState(chair, (s) => s.ceremony?.complete === true, "the election key");
  await shot(scr.S01, "tablet-S01-scrutineer-ceremony");

  // Check-in: five on their tablets, D06 assisted by the secretary, D07 excused.
  assert.equal(await nextStepOf(chair), "open_checkin");
  await tid(chair, "next-step").click();
  await waitState(chair, (s) => s.sitting.checkin_open, "check-in open");
  await shot(screen, "screen-checkin", { touch: false });
  assert.ok((await fontPx(screen, '[data-testid="screen-now"]')) >= 64, "the big screen's current thing is at least 64 px");
  await tid(screen, "attendance").waitFor();
  assert.equal(await screen.locator("header button:visible, .conn:visible").count(), 0, "no language buttons or connection status on the projection");
  for (const p of DELEGATES.slice(0, 5)) {
    taps = 0;
    await tap(tid(tab[p], "checkin"));
    await tid(tab[p], "checked-in").waitFor();
    assert.equal(taps, 1, "check-in takes one tap");
  }
  // Offline: the tablet says so and what happens to a ballot being sent; back online, it goes.
  // The socket is closed while the network is still up (its close completes), then the network
  // goes: the tablet's attempts to reconnect fail until it is back.
  await tab.D04.evaluate(() => window.plenum.ws?.close());
  await tab.D04.context().setOffline(true);
  await tid(tab.D04, "offline").waitFor();
  assert.match(await tid(tab.D04, "offline").innerText(), /正在发送的选票会在连接恢复后自动重新发送/);
  await shot(tab.D04, "tablet-D04-offline-portrait");
  await tab.D04.context().setOffline(false);
  await tid(tab.D04, "offline").waitFor({ state: "detached", timeout: 30_000 });
  await shot(tab.D01, "tablet-D01-checked-in-portrait");
  await shot(tab.D02, "tablet-D02-checked-in-landscape");
  await tid(sec, "nav-attendance").click();
  await tid(sec, "reason").fill("平板电量不足");
  await tid(sec, "assist-D06").click();
  await tid(sec, "row-D06-done").waitFor();
  await waitState(chair, (s) => s.present === 6, "six present");
  await tid(sec, "reason").fill("因病请假");
  await tid(sec, "approver").fill("孙志远");
  await tid(sec, "excuse-D07").click();
  const opened = await waitState(chair, (s) => s.seated === 6 && s.excused === 1, "D07 excused");
  assert.equal(opened.quorum.required, 5);
  await tid(sec, "person-D07").getByText(/因病请假/).waitFor();
  await tid(sec, "person-D06").getByText(/已签到 · \d\d:\d\d:\d\d · 协助/).waitFor();
  await tid(sec, "person-D01").getByText(/已签到 · \d\d:\d\d:\d\d · 本人/).waitFor();
  await shotSizes(sec, "secretary-attendance", { touch: false });
  // The attendance list, made in the browser: CSV with a BOM and Chinese headers.
  await tid(sec, "nav-export").click();
  const [csvFile] = await Promise.all([sec.waitForEvent("download"), tid(sec, "export-attendance").click()]);
  const csv = await readFile(await csvFile.path(), "utf8");
  assert.match(csv, /^\ufeff编号,姓名,单位,代表小组,出席情况,签到时间,签到方式,请假事由,批准人\r\n/);
  assert.match(csv, /\r\nD06,杨丽,第三选区,第二组,已签到,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,协助,,\r\n/);
  assert.match(csv, /\r\nD01,王建国,第一选区,第一组,已签到,[^,]+,本人,,\r\n/);
  assert.match(csv, /\r\nD07,赵刚,第三选区,第二组,请假,,,因病请假,孙志远\r\n/);
  assert.ok(!/S01|CH|PR/.test(csv), "the attendance list names those who attend, not the hall's officers");
  await writeFile(join(artifacts, "attendance.csv"), csv);

  // D07 arrives after all: the excusal is withdrawn and the secretary checks D07 in.
  const d07 = await newPage(browser, base, PORTRAIT);
  await enroll(d07, "tablet", "D07", codes.D07);
  await tid(sec, "nav-attendance").click();
  await tid(sec, "withdraw-D07").click();
  await tid(sec, "row-D07-done").waitFor();
  await waitState(chair, (s) => s.seated === 7 && s.excused === 0, "D07 seated again");
  await tid(sec, "assist-D07").click();
  await waitState(chair, (s) => s.present === 7, "seven present");
  await tid(sec, "person-D07").getByText(/已签到 · \d\d:\d\d:\d\d · 协助/).waitFor();

  // Opening the sitting asks first; cancelling leaves it scheduled.
  assert.equal(await nextStepOf(chair), "open_sitting");
  await shotSizes(chair, "chair-checkin");
  await tid(chair, "next-step").click();
  assert.match(await tid(chair, "confirm-consequence").innerText(), /实到 7 人，应到 7 人/);
  await tid(chair, "confirm-cancel").click();
  await chair.waitForTimeout(300);
  assert.equal((await stateOf(chair)).sitting.status, "scheduled", "a cancelled confirmation opens nothing");
  await tid(chair, "next-step").click();
  await tid(chair, "confirm-ok").click();
  await waitState(chair, (s) => s.sitting.status === "open", "the sitting open");

  // The four votes, each led by the console's next step.
  for (const vote of VOTES) {
    const item = ITEMS[vote.item];
    if (vote.kind !== "confidence") {
      assert.equal(await nextStepOf(chair), "set_current");
      assert.match(await tid(chair, "next-step").innerText(), new RegExp(item.title));
      await tid(chair, "next-step").click();
      await waitState(chair, (s) => s.current_item === item.id, `item ${item.title} current`);
      assert.equal(await nextStepOf(chair), "create_vote");
      await chair.selectOption('select[name="vote_kind"]', vote.kind);
      await chair.fill('input[name="vote_title"]', vote.title);
      if (vote.kind === "election") await chair.fill('input[name="seats"]', String(vote.seats));
      if (vote.people) await chair.fill('textarea[name="people"]', vote.people.join("\n"));
      if (vote.kind === "election") await shotSizes(chair, "chair-create-vote");
      await tid(chair, "next-step").click();
    } else {
      // The confidence vote of the same item was created with the appraisal, before it.
    }
    const s = await waitState(chair, (s) => s.votes.some((v) => v.title === vote.title), `vote ${vote.title} created`);
    vote.id = s.votes.find((v) => v.title === vote.title).id;
    assert.match(vote.id, new RegExp(`^${created.sitting.id}-V\\d+$`), "the server names the vote");
    await noError(chair);
    if (vote.kind === "appraisal") {
      // The confidence vote of the same item, created now from the votes list.
      const trust = VOTES.find((v) => v.kind === "confidence");
      await tid(chair, "create-vote-details").locator("summary").click();
      await chair.selectOption('select[name="vote_kind"]', trust.kind);
      await chair.fill('input[name="vote_title"]', trust.title);
      await chair.fill('textarea[name="people"]', trust.people.join("\n"));
      await tid(chair, "create-vote").click();
      await waitState(chair, (s) => s.votes.some((v) => v.title === trust.title), "the confidence vote created");
    }
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
    assert.equal(await nextStepOf(chair), "open_vote");
    assert.equal(await tid(chair, "next-step").getAttribute("data-action"), `open_vote:${vote.id}`);
    await tid(chair, "next-step").click();
    await waitState(chair, (s) => s.votes.find((v) => v.id === vote.id)?.status === "open", `vote ${vote.id} open`);

    if (vote.kind === "election") {
      // More approvals than seats cannot even be sent: the counter warns, review is disabled.
      const p = tab.D01;
      await tid(p, `ballot-${vote.id}`).waitFor();
      for (let c = 0; c < 4; ++c) await tid(p, `mark-${c}-approve`).click();
      assert.match(await tid(p, "approvals").innerText(), /4/);
      assert.ok(await tid(p, "review").isDisabled(), "an over-approved ballot cannot be reviewed");
      await shot(p, "tablet-D01-election-too-many");
      // A ballot with nothing marked asks first; going back leaves the ballot as it was.
      await tid(tab.D02, `ballot-${vote.id}`).waitFor();
      await tid(tab.D02, "review").click();
      await tid(tab.D02, "blank-warning").getByText("您没有作任何选择，确定投空白票吗？").waitFor();
      await shot(tab.D02, "tablet-D02-blank-warning-landscape");
      await tid(tab.D02, "blank-cancel").click();
      await tid(tab.D02, "blank-warning").waitFor({ state: "detached" });
      assert.equal(await tid(tab.D02, "confirm").count(), 0, "a cancelled blank ballot is not sealed");
      await tid(tab.D02, "review").waitFor();
    }
    vote.codes = {};
    for (const [i, p] of DELEGATES.entries()) {
      vote.codes[p] = await castBallot(tab[p], vote, p, i);
      if (i === 0 && vote.kind === "motion") {
        // After a reload the receipt shows the same short code (from the server's 64 hex digits).
        await tab[p].reload();
        await tid(tab[p], "receipt-code").waitFor();
        assert.equal(await tid(tab[p], "receipt-code").innerText(), vote.codes[p], "the receipt's short code survives a reload");
        await shotSizes(tab[p], `tablet-${p}-receipt-reloaded`);
      }
      if (i === 2) {
        await shotSizes(chair, `chair-progress-${vote.kind}`, { touch: false });
        // The big screen shows the open vote large: its title, the ballots in.
        assert.equal(await tid(screen, "screen").getAttribute("data-mode"), "voting");
        await tid(screen, `screen-progress-${vote.id}`).getByText(vote.title, { exact: true }).waitFor();
        assert.ok((await fontPx(screen, '[data-testid="screen-now"]')) >= 64, "the open vote's title is at least 64 px");
        if (vote.kind === "motion") await shotSizes(screen, `screen-progress-${vote.kind}`, { touch: false });
        else await shot(screen, `screen-progress-${vote.kind}`, { touch: false });
      }
    }
    if (vote.kind === "motion") {
      // D07 reaches the confirmation when the chair closes the vote: the tablet says the ballot
      // was not cast, in words.
      await tid(d07, "mark-0-for").click();
      await tid(d07, "review").click();
      await tid(d07, "confirm").waitFor();
    }
    await waitState(chair, (s) => s.votes.find((v) => v.id === vote.id)?.received === 6, `six ballots in ${vote.id}`);
    assert.equal(await nextStepOf(chair), "close_vote");
    await tid(chair, `vote-${vote.id}`).getByText(/尚未投票的代表：赵刚/).waitFor();
    const trustVote = () => stateOf(chair).then((s) => s.votes.find((v) => v.title === VOTES[3].title));
    if (vote.kind === "motion") {
      // Closing asks first, with the ballots in; cancelling leaves the vote open.
      await tid(chair, "next-step").click();
      assert.equal(await tid(chair, "confirm-consequence").innerText(), "结束后不能再投票，已投 6/7。");
      await shotSizes(chair, "chair-confirm-close-vote", { touch: false });
      await tid(chair, "confirm-cancel").click();
      await chair.waitForTimeout(300);
      assert.equal((await stateOf(chair)).votes.find((v) => v.id === vote.id).status, "open", "a cancelled confirmation closes nothing");
      await tid(chair, "next-step").click();
      await tid(chair, "confirm-ok").click();
    } else if (vote.kind === "appraisal") {
      // A double tap on 结束投票, 600 ms apart: the second tap lands on the dialog, and the
      // taps after confirming land on controls that are inert — the confidence vote stays unopened.
      const box = await tid(chair, "next-step").boundingBox();
      await tid(chair, "next-step").waitFor({ state: "visible" });
      await chair.waitForFunction(() => !document.querySelector('[data-testid="next-step"]').disabled);
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await chair.mouse.click(x, y);
      await chair.waitForTimeout(600);
      await chair.mouse.click(x, y);
      assert.equal(await tid(chair, "confirm-dialog").count(), 1, "the second tap does not pass the dialog");
      assert.equal((await stateOf(chair)).votes.find((v) => v.id === vote.id).status, "open");
      const ok = tid(chair, "confirm-ok");
      await chair.waitForFunction(() => !document.querySelector('[data-testid="confirm-ok"]')?.disabled);
      const okBox = await ok.boundingBox();
      await chair.mouse.click(okBox.x + okBox.width / 2, okBox.y + okBox.height / 2);
      await chair.waitForTimeout(600);
      await chair.mouse.click(okBox.x + okBox.width / 2, okBox.y + okBox.height / 2);
      await chair.mouse.click(x, y);
      await waitState(chair, (s) => s.votes.find((v) => v.id === vote.id)?.status === "closed", `vote ${vote.id} closed`);
      await chair.waitForTimeout(1200);
      assert.equal((await trustVote()).status, "created", "a double tap on 结束投票 opens no other vote");
      assert.equal(await tid(chair, "confirm-dialog").count(), 0, "and asks nothing else");
    } else {
      await tid(chair, "next-step").click();
      await tid(chair, "confirm-ok").click();
    }
    await waitState(chair, (s) => s.votes.find((v) => v.id === vote.id)?.status === "closed", `vote ${vote.id} closed`);
    // The console names the scrutineers whose decryption is still missing, then their signatures.
    await tid(chair, "waiting-for").getByText(/还需 2 位监票人批准解密。尚未解密：周文、吴强、郑洁/).waitFor();
    await tid(scr.S01, `approve-${vote.id}`).click();
    await tid(scr.S01, `approve-${vote.id}`).waitFor({ state: "detached" });
    await tid(chair, "waiting-for").getByText(/还需 1 位监票人批准解密。尚未解密：吴强、郑洁/).waitFor();
    if (vote.kind === "motion") await shotSizes(chair, "chair-waiting-decryption", { touch: false });
    await tid(scr.S02, `approve-${vote.id}`).click();
    await tid(scr.S02, `approve-${vote.id}`).waitFor({ state: "detached" });
    if (vote.kind === "motion") {
      await tid(d07, `missed-${vote.id}`).getByText(/已经结束投票，您的选票没有投出/).waitFor();
      await shot(d07, "tablet-D07-vote-closed-unsent");
    }
    const decided = await waitState(chair, (s) => s.votes.find((v) => v.id === vote.id)?.status === "decided", `vote ${vote.id} decided`);
    // Decided but not announced: the big screen and the tablets say so, never the counts; the
    // screen lists the vote's tracking codes meanwhile.
    await tid(screen, `screen-embargo-${vote.id}`).getByText("计票完成，等待主持人宣布").waitFor();
    assert.equal(await screen.locator(".screen-row").count(), 0, "no counts on the screen before the announcement");
    // The server holds the embargo: the projector's and a delegate's views carry no counts.
    for (const page of [screen, tab.D03]) {
      const seen = (await stateOf(page)).votes.find((x) => x.id === vote.id);
      assert.equal(seen.status, "decided");
      assert.ok(seen.counts === undefined && seen.outcome === undefined, "no counts reach the public before the announcement");
    }
    await tid(screen, "screen-codes").getByText(vote.codes.D01).waitFor();
    await tid(tab.D03, `embargo-${vote.id}`).getByText("计票完成，等待主持人宣布").waitFor();
    assert.equal(await tid(tab.D03, `result-${vote.id}`).count(), 0, "no counts on a tablet before the announcement");
    assert.match(await tid(tab.D03, `my-code-${vote.id}`).innerText(), new RegExp(vote.codes.D03), "the tablet keeps the delegate's code to compare with the screen");
    if (vote.kind === "motion") {
      await shotSizes(screen, "screen-waiting-announcement", { touch: false });
      await shot(tab.D03, "tablet-D03-waiting-announcement-portrait");
    }
    const v = decided.votes.find((x) => x.id === vote.id);
    assert.deepEqual(v.counts, expectedCounts(vote), `decrypted counts of ${vote.id} equal the marks cast`);
    assert.equal(v.outcome.ballots, 6);
    console.log(`${vote.id}: counts ${JSON.stringify(v.counts)} as intended`);
    if (vote.kind === "motion") assert.equal(v.outcome.passed, true);
    if (vote.kind === "election") assert.deepEqual(v.outcome.elected, ["cand-0", "cand-1", "cand-2"]);
    // The scrutineers who decrypted check the result against their own boards and sign it;
    // the chair can announce only then.
    await tid(chair, "waiting-for").getByText(/等待监票人核对签名：周文、吴强/).waitFor();
    assert.ok(await tid(chair, "next-step").isDisabled(), "no announcement before the scrutineers sign");
    await tid(scr.S01, `sign-${vote.id}`).click();
    await tid(scr.S01, `signed-${vote.id}`).waitFor();
    await tid(chair, "waiting-for").getByText(/等待监票人核对签名：吴强$/).waitFor();
    await tid(scr.S02, `sign-${vote.id}`).click();
    await tid(scr.S02, `signed-${vote.id}`).waitFor();
    await noError(scr.S01);
    await noError(scr.S02);
    await waitState(chair, (s) => s.votes.find((x) => x.id === vote.id)?.signatures === 2, `scrutineers signed ${vote.id}`);
    if (vote.kind === "motion") await shot(scr.S01, "tablet-S01-scrutineer-signed");
    await chair.waitForFunction(() => document.querySelector('[data-testid="next-step-panel"]')?.dataset.step === "announce");
    await tid(chair, "next-step").click();
    assert.match(await tid(chair, "confirm-consequence").innerText(), /不能撤回/);
    if (vote.kind === "motion") await shotSizes(chair, "chair-confirm-announce", { touch: false });
    if (vote.kind === "appraisal") {
      // Announcing puts 开始投票 of the confidence vote where the finger is: a tap 600 ms after
      // confirming lands on it while it is still inert.
      const box = await tid(chair, "next-step").boundingBox();
      await tid(chair, "confirm-ok").click();
      await chair.waitForTimeout(600);
      await chair.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await waitState(chair, (s) => s.votes.find((x) => x.id === vote.id)?.announced === true, `${vote.id} announced`);
      await chair.waitForTimeout(1200);
      assert.equal((await trustVote()).status, "created", "a tap right after 宣布结果 opens no vote");
    } else {
      await tid(chair, "confirm-ok").click();
    }
    await waitState(chair, (s) => s.votes.find((x) => x.id === vote.id)?.announced === true, `${vote.id} announced`);
    await tid(chair, "next-step-done").getByText("结果已宣布").waitFor();
    await noError(chair);
    // The announced result, large and whole on the 1920×1080 projection; on the tablets too.
    const projected = tid(screen, `screen-result-${vote.id}`);
    await projected.waitFor();
    await screen.waitForTimeout(300);
    assert.ok((await fontPx(screen, '[data-testid="screen-now"]')) >= 64, "the result's title is at least 64 px");
    if (vote.kind === "motion" || vote.kind === "election")
      assert.ok((await fontPx(screen, '[data-testid="screen-verdict"]')) >= 96, "the verdict is at least 96 px");
    const box = await projected.boundingBox();
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= SCREEN.width && box.y + box.height <= SCREEN.height, `the result fits the projection: ${JSON.stringify(box)}`);
    assert.ok((await screen.evaluate(() => document.documentElement.scrollHeight)) <= SCREEN.height, "the big screen does not scroll");
    await tid(tab.D03, `result-${vote.id}`).waitFor();
    if (vote.kind === "motion" || vote.kind === "election") await shotSizes(screen, `screen-result-${vote.kind}`, { touch: false });
    else await shot(screen, `screen-result-${vote.kind}`, { touch: false });
    if (vote.kind === "motion") {
      // The public tracking-code page, opened without enrolling: every code of the vote, sorted,
      // and the one looked up found.
      const pub = await newPage(browser, base, PORTRAIT);
      await pub.goto(`${base}/codes.html?vote=${encodeURIComponent(vote.id)}#code=${vote.codes.D01}`);
      await tid(pub, "codes-list").waitFor();
      const listed = await tid(pub, "code-item").allInnerTexts();
      assert.deepEqual(listed, Object.values(vote.codes).sort(), "the page lists the codes of the ballots cast, sorted");
      await tid(pub, "codes-found").getByText("找到了").waitFor();
      await shotSizes(pub, "codes-page");
      await pub.context().close();
    }
    await shotSizes(chair, `chair-result-${vote.kind}`, { touch: false });
  }

  // Downloads on the secretary's desk: the signed record as one archive, each vote's result
  // sheet and the sitting's summary sheet as PDF.
  await tid(sec, "nav-export").click();
  await shotSizes(sec, "secretary-export", { touch: false });
  const fetchDownload = async (testid) => {
    const [d] = await Promise.all([sec.waitForEvent("download"), tid(sec, testid).click()]);
    const bytes = await readFile(await d.path());
    await noError(sec);
    return { name: d.suggestedFilename(), bytes };
  };
  const archive = await fetchDownload("download-record");
  assert.deepEqual([...archive.bytes.subarray(0, 2)], [0x1f, 0x8b], `the record ${archive.name} is gzip`);
  assert.match(archive.name, /\.tar\.gz$/);
  for (const vote of VOTES) {
    const sheet = await fetchDownload(`download-vote-sheet-${vote.id}`);
    assert.equal(sheet.bytes.subarray(0, 4).toString("latin1"), "%PDF", `${vote.id}'s result sheet is a PDF`);
  }
  const summary = await fetchDownload("download-sitting-sheet");
  assert.equal(summary.bytes.subarray(0, 4).toString("latin1"), "%PDF", "the sitting summary sheet is a PDF");
  // The board as the chair's browser received and checked it, for the C++ check of every
  // browser-made ballot (tests/web/browser_board_test.cpp).
  const board = await chair.evaluate(() =>
    window.plenum.board
      .get()
      .filter((e) => ["vote_created", "vote_roster", "vote_opened", "ballot_accepted", "partial_submitted", "vote_decided"].includes(e.type))
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
  await screen.goto(`${base}/screen.html?lang=zh-TW`); // a projector's language is set by its address
  await tid(screen, "screen").waitFor();
  await shot(screen, "screen-zh-TW", { touch: false });

  // A tablet whose key was replaced: D03's card is issued again and enrolled on another
  // tablet; the first tablet then says why it must enroll again and whom to ask.
  await tid(sec, "nav-cards").click();
  await sec.getByText("单独生成或补发").click();
  await tid(sec, "issue-D03").click();
  await tid(sec, "confirm-ok").click();
  const reissued = tid(sec, "card-D03").locator('[data-testid="card-code"]');
  await sec.waitForFunction(([old]) => {
    const el = document.querySelector('[data-testid="card-D03"] [data-testid="card-code"]');
    return el && el.textContent.trim() !== old;
  }, [codes.D03]);
  const spare = await newPage(browser, base, PORTRAIT);
  await enroll(spare, "tablet", "D03", (await reissued.innerText()).trim());
  await tab.D03.reload();
  await tid(tab.D03, "auth-error").getByText(/请找秘书领取新的登记卡/).waitFor();
  await shot(tab.D03, "tablet-D03-key-replaced-portrait");
  await spare.context().close();

  // Closing the sitting asks first (the proposal's item is left for another sitting).
  await tid(chair, "close-sitting").click();
  assert.match(await tid(chair, "confirm-consequence").innerText(), /不能撤回/);
  await tid(chair, "confirm-ok").click();
  await waitState(chair, (s) => s.sitting.status === "closed", "the sitting closed");
  assert.equal(await nextStepOf(chair), "create_sitting");
  await shot(chair, "chair-closed", { touch: false });
  assert.deepEqual(problems, [], problems.join("\n"));
  console.log(`ok: ${shots.length} screenshots in ${artifacts}`);
} catch (e) {
  failed = true;
  console.error(e);
  if (problems.length) console.error(problems.join("\n"));
  // What every page showed when the test failed.
  for (const [i, page] of browser.contexts().flatMap((c) => c.pages()).entries())
    await page.screenshot({ path: join(artifacts, `failed-${i}.png`), fullPage: true }).catch(() => undefined);
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
