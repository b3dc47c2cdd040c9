// A small sitting set up quickly through plenum-cli against the real plenumd, for browser tests
// that need one tablet in the hall: secretary, chair, two scrutineers and three delegates; every
// one but the browser's delegate D001 enrolled from the command line; then (sitUp) the sitting
// s1 with check-in (D001's assisted), the key ceremony (k = 2) and item i1 current.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { startPlenumd } from "./plenumd.mjs";

const run = promisify(execFile);

export const ROSTER = [
  "number,name,gender,ethnicity,occupation,unit,group,roles,committee",
  "D001,王建国,M,汉族,farming,第一选区,第一组,delegate,no",
  "D002,李秀英,F,汉族,education,第一选区,第一组,delegate,no",
  "D003,张伟,M,回族,health,第二选区,第一组,delegate,no",
  "S1,周文,F,汉族,education,,,scrutineer,no",
  "S2,吴强,M,汉族,farming,,,scrutineer,no",
  "CH,孙志远,M,汉族,other,,,chair,yes",
  "SE,钱秘书,F,汉族,other,,,secretary,no",
].join("\n");

/**
 * Starts plenumd (binary `plenumd`, apps from `webRoot`, on `port` with `extraArgs` when given)
 * with `roster` (default ROSTER, which a test may extend: SE, CH, S1, S2 and D001 are expected)
 * and enrolls everyone but D001 through
 * plenum-cli at `cliBinary`. Resolves with { server, cli(person, args, text?),
 * codeOf (person -> enrollment code), openMotion(vote, title), sitUp() }.
 */
export async function startCliSitting({ plenumd, cliBinary, webRoot, roster = ROSTER, port = 0, extraArgs = [] }) {
  const server = await startPlenumd({ binary: plenumd, webRoot, rosterCsv: roster, membership: [30, 15, 3], port, extraArgs });
  const keysDir = join(server.dataDir, "cli-keys");

  /** plenum-cli as `person` (JSON output unless `text`); throws with its stderr on failure. */
  async function cli(person, args, text = false) {
    const base = ["--server", `127.0.0.1:${server.port}`, "--ca", join(server.dataPath, "tls", "cert.pem"), "--keys", keysDir, "--pin-limits", "interactive"];
    try {
      const { stdout } = await run(cliBinary, [...base, ...(text ? [] : ["--json"]), "--as", person, ...args], { cwd: server.dataDir });
      return text ? stdout : JSON.parse(stdout || "{}");
    } catch (e) {
      throw new Error(`plenum-cli --as ${person} ${args.join(" ")}: ${e.stderr || e.message}`);
    }
  }

  try {
    const secretaryCode = server.credentials.find((c) => c.person === "SE").code;
    await cli("SE", ["enroll", secretaryCode]);
    const everyone = roster.split("\n").slice(1).map((line) => line.split(",")[0]).filter((n) => n && n !== "SE");
    const codes = await cli("SE", ["issue-code", ...everyone], true);
    const codeOf = new Map(codes.trim().split("\n").map((l) => l.split(",").map((x) => x.trim())));
    assert.ok(codeOf.get("D001"), "a code for D001");
    const codesFile = join(server.dataDir, "codes.csv");
    await writeFile(codesFile, codes.trim().split("\n").filter((l) => !l.startsWith("D001")).join("\n") + "\n");
    await cli("SE", ["rehearse", "enroll", "--codes", codesFile]);
    await cli("SE", ["acknowledge-warnings"]).catch(() => undefined); // a small roster may warn; harmless

    /** The sitting s1: check-in (D001's assisted), the key ceremony, item i1 current. */
    async function sitUp() {
      await cli("CH", ["create-sitting", "--sitting", "s1", "--title", "第一次会议", "--date", "2026-12-06"]);
      await cli("CH", ["open-checkin", "s1"]);
      await cli("D002", ["checkin", "s1"]);
      await cli("D003", ["checkin", "s1"]);
      await cli("SE", ["assisted-checkin", "--sitting", "s1", "--person", "D001", "--reason", "平板由工作人员协助"]);
      await cli("CH", ["open-sitting", "s1"]);
      await cli("CH", ["start-ceremony", "--sitting", "s1", "--scrutineers", "S1,S2", "--k", "2"]);
      await cli("S1", ["keygen", "s1"]);
      await cli("S2", ["keygen", "s1"]);
      await cli("S1", ["--pin", "1111", "open-shares", "s1"]);
      await cli("S2", ["--pin", "2222", "open-shares", "s1"]);
      await cli("CH", ["add-item", "--sitting", "s1", "--item", "i1", "--kind", "major_matter", "--title", "预算报告", "--order", "1", "--responsible", "党委"]);
      await cli("CH", ["set-current", "--sitting", "s1", "--item", "i1"]);
    }

    /** Creates and opens motion `vote` on item i1. */
    async function openMotion(vote, title) {
      await cli("CH", ["create-vote", "--vote", vote, "--sitting", "s1", "--item", "i1", "--kind", "motion", "--title", title]);
      await cli("CH", ["open-vote", vote]);
    }

    return { server, cli, codeOf, sitUp, openMotion };
  } catch (e) {
    console.error(server.log().slice(-4000));
    await server.stop();
    throw e;
  }
}
