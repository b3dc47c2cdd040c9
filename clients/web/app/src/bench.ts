// Times what a tablet does for one ballot — encrypt every option, prove every range, sign —
// for a motion and a 7-candidate/5-seat election, in whatever browser opens bench.html.
// Results go to #out and to window.benchResult (read by e2e/bench.mjs); window.benchBatch
// makes n ballots of one kind at once, for timing the page's CPU from outside.
import {
  Point,
  Scalar,
  SecretKey,
  electionManifest,
  makeBallot,
  motionManifest,
  ready,
  type Manifest,
} from "../../src/crypto/index.js";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(m: Manifest, choices: number[][], runs: number): { median: number; p90: number; min: number } {
  const joint = Point.baseMul(Scalar.randomNonzero());
  const eh = new Uint8Array(32).fill(7);
  const voter = SecretKey.generate();
  for (let i = 0; i < 3; ++i) makeBallot(m, eh, joint, voter, choices);
  const xs: number[] = [];
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    const b = makeBallot(m, eh, joint, voter, choices);
    xs.push(performance.now() - t0);
    if (!b) throw new Error("ballot refused");
  }
  const s = [...xs].sort((a, b) => a - b);
  return { median: median(xs), p90: s[Math.floor(s.length * 0.9)]!, min: s[0]! };
}

async function main() {
  await ready();
  const runs = Number(new URLSearchParams(location.search).get("runs") ?? 30);
  const motion = motionManifest("bench-motion", "Motion", "Resolution");
  const election = electionManifest("bench-election", "Election", ["甲", "乙", "丙", "丁", "戊", "己", "庚"], 5);
  // As the node benchmark: 5 approvals and 2 disapprovals.
  const approve = [1, 0];
  const disapprove = [0, 1];
  const result = {
    userAgent: navigator.userAgent,
    runs,
    motion: time(motion, [[1, 0, 0]], runs),
    election_7_5: time(election, [approve, approve, approve, approve, approve, disapprove, disapprove], runs),
  };
  const setups = { motion: [motion, [[1, 0, 0]]], election_7_5: [election, [approve, approve, approve, approve, approve, disapprove, disapprove]] } as const;
  const joint = Point.baseMul(Scalar.randomNonzero());
  const voter = SecretKey.generate();
  (window as any).benchBatch = (kind: keyof typeof setups, n: number) => {
    const [m, choices] = setups[kind];
    for (let i = 0; i < n; ++i) makeBallot(m as Manifest, new Uint8Array(32), joint, voter, choices as unknown as number[][]);
  };
  (window as any).benchResult = result;
  document.getElementById("out")!.textContent = JSON.stringify(result, null, 2);
}

void main();
