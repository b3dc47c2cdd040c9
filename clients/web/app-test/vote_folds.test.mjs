// A scrutineer's tablet sums each vote's encrypted ballots as they arrive (vote_folds.ts): the
// sums equal those of all the ballots added at once, ballots after the close are left out, a
// ballot of the wrong shape leaves no sums to decrypt, and a board that does not grow at its
// end is folded again. Needs the library built into dist/ (`npm run build`).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { transformWithEsbuild } from "vite";
import "../scripts/node_webcrypto.mjs";
import * as cvp1 from "../dist/crypto/index.js";

await cvp1.ready();

// vote_folds.ts with its library import pointed at the built library (its other imports are
// types only, which the transpiler drops).
const path = new URL("../app/src/vote_folds.ts", import.meta.url);
const source = (await readFile(path, "utf8")).replace("../../src/crypto/index.js", new URL("../dist/crypto/index.js", import.meta.url).href);
const { code } = await transformWithEsbuild(source, path.pathname, { loader: "ts", format: "esm" });
const { VoteFolds } = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);

const key = cvp1.Point.baseMul(cvp1.Scalar.random(cvp1.systemRandom));
const ct = (m) => cvp1.encrypt(m, cvp1.Scalar.random(cvp1.systemRandom), key);
const option = (c) => ({ alpha: c.alpha.hex(), beta: c.beta.hex() });

let seq = 0;
const event = (type, payload) => ({ seq: seq++, type, payload, entryHash: "00".repeat(32), prevHash: "00".repeat(32) });
const created = (vote) => event("vote_created", { vote_id: vote, rule: "majority", manifest: { contests: [{ options: [{}, {}, {}] }] } });
const ballot = (vote, cts) => event("ballot_accepted", { vote_id: vote, person: "D", ballot: { contests: [{ options: cts.map(option) }] } });

test("the sums kept ballot by ballot equal the sums of all the ballots, up to the close", () => {
  const ballots = [0, 1, 2, 1, 0].map((choice) => [0, 1, 2].map((p) => ct(p === choice ? 1 : 0)));
  const folds = new VoteFolds(true);
  const board = [created("v1"), event("vote_opened", { vote_id: "v1", election_hash: "11".repeat(32), seated: 5, present: 5 })];
  folds.update(board);
  for (const b of ballots) {
    board.push(ballot("v1", b));
    folds.update([...board]); // the client sets a new array with each event
  }
  board.push(event("vote_closed", { vote_id: "v1" }));
  board.push(ballot("v1", [ct(1), ct(0), ct(0)])); // after the close: not summed
  folds.update([...board]);
  const v = folds.vote("v1");
  assert.equal(v.ballots, 5);
  assert.ok(v.closed);
  const whole = cvp1.aggregate(3, ballots);
  assert.deepEqual(
    v.aggregates.map((c) => [c.alpha.hex(), c.beta.hex()]),
    whole.map((c) => [c.alpha.hex(), c.beta.hex()]),
  );
});

test("a ballot with another number of positions leaves no sums to decrypt", () => {
  const folds = new VoteFolds(true);
  folds.update([created("v2"), ballot("v2", [ct(1), ct(0)])]);
  assert.equal(folds.vote("v2").aggregates, null);
});

test("without sums kept, the ballots are counted and nothing is decoded", () => {
  const folds = new VoteFolds(false);
  folds.update([created("v3"), ballot("v3", [ct(1), ct(0), ct(0)]), ballot("v3", [ct(0), ct(0), ct(1)])]);
  assert.equal(folds.vote("v3").ballots, 2);
  assert.equal(folds.vote("v3").aggregates, null);
});

test("a board that is not the one folded with events at its end is folded again", () => {
  const folds = new VoteFolds(true);
  const first = [created("v4"), ballot("v4", [ct(1), ct(0), ct(0)])];
  folds.update(first);
  assert.equal(folds.vote("v4").ballots, 1);
  const other = [created("v4"), ballot("v4", [ct(0), ct(1), ct(0)]), ballot("v4", [ct(0), ct(1), ct(0)])];
  folds.update(other);
  assert.equal(folds.vote("v4").ballots, 2);
  const sums = cvp1.aggregate(3, [
    [0, 1, 2].map((p) => ({ alpha: cvp1.Point.fromHex(other[1].payload.ballot.contests[0].options[p].alpha), beta: cvp1.Point.fromHex(other[1].payload.ballot.contests[0].options[p].beta) })),
    [0, 1, 2].map((p) => ({ alpha: cvp1.Point.fromHex(other[2].payload.ballot.contests[0].options[p].alpha), beta: cvp1.Point.fromHex(other[2].payload.ballot.contests[0].options[p].beta) })),
  ]);
  assert.equal(folds.vote("v4").aggregates[1].beta.hex(), sums[1].beta.hex());
});

test("approving waits for the close on the board, and gives up after its time", async () => {
  const folds = new VoteFolds(true);
  const board = [created("v5")];
  folds.update(board);
  const waiting = folds.whenReady("v5", (v) => v.closed !== undefined, 2000);
  board.push(event("vote_closed", { vote_id: "v5" }));
  folds.update([...board]);
  assert.ok((await waiting).closed);
  assert.equal(await folds.whenReady("v6", (v) => v.closed !== undefined, 20), null);
});
