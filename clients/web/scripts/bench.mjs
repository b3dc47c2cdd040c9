#!/usr/bin/env node
// Micro-benchmark of the tablet's ballot crypto under node: making (encrypt, prove, sign) and
// verifying a motion ballot and an election ballot of 7 candidates for 5 seats.
//
//   npm run bench            (builds first)    node scripts/bench.mjs [--runs N]
//
// Prints one line per case: the median wall time over N runs after 3 warm-up runs, and the
// process CPU time per run (the machine may be shared; CPU time is what the work costs).
import { performance } from "node:perf_hooks";
import "./node_webcrypto.mjs"; // before the library: node 18 lacks a global Web Crypto
import * as cvp1 from "../dist/crypto/index.js";

function parseRuns(argv) {
  const i = argv.indexOf("--runs");
  const n = i >= 0 ? Number(argv[i + 1]) : 30;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error("usage: bench.mjs [--runs N]");
  return n;
}

function measure(runs, fn) {
  for (let i = 0; i < 3; ++i) fn();
  const times = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], cpu: (cpu.user + cpu.system) / 1000 / runs };
}

await cvp1.ready();
const runs = parseRuns(process.argv.slice(2));
const jointKey = cvp1.Point.baseMul(cvp1.Scalar.randomNonzero());
const voter = cvp1.SecretKey.generate();
const electionHash = new Uint8Array(32).fill(1);
const names = ["甲", "乙", "丙", "丁", "戊", "己", "庚"];
const cases = [
  { name: "motion (3 options)", m: cvp1.motionManifest("bench-motion", "动议", "是否通过"), choices: [[1, 0, 0]] },
  {
    name: "election (7 candidates, 5 seats)",
    m: cvp1.electionManifest("bench-election", "选举", names, 5),
    choices: names.map((_, c) => (c < 5 ? [1, 0] : [0, 1])),
  },
];

console.log(`node ${process.version}, libsodium ${cvp1.sodiumVersion()}, ${runs} runs after 3 warm-up runs`);
{
  // Unit costs, for comparison with the C++ figures: 100 multiplications per run.
  const k = cvp1.Scalar.randomNonzero();
  const p = cvp1.Point.baseMul(cvp1.Scalar.randomNonzero());
  const variable = measure(runs, () => {
    for (let i = 0; i < 100; ++i) p.mul(k);
  });
  const base = measure(runs, () => {
    for (let i = 0; i < 100; ++i) cvp1.Point.baseMul(k);
  });
  console.log(
    `${"scalar multiplication".padEnd(34)} variable ${(variable.cpu * 10).toFixed(0)} µs CPU   base ${(base.cpu * 10).toFixed(0)} µs CPU`,
  );
}
for (const { name, m, choices } of cases) {
  let ballot = null;
  const make = measure(runs, () => {
    ballot = cvp1.makeBallot(m, electionHash, jointKey, voter, choices);
  });
  const verify = measure(runs, () => {
    if (cvp1.verifyBallot(m, electionHash, jointKey, ballot) !== "ok") throw new Error("a made ballot does not verify");
  });
  console.log(
    `${name.padEnd(34)} make ${make.median.toFixed(1)} ms wall, ${make.cpu.toFixed(1)} ms CPU   ` +
      `verify ${verify.median.toFixed(1)} ms wall, ${verify.cpu.toFixed(1)} ms CPU`,
  );
}
