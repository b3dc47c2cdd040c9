// Every refusal a hall app makes of the server (the vote basis problems of trust.ts, the
// receipt problems of receipt_check.ts, the stops of client.ts) has a text in every language
// that tells the user what to do, and the substituted key is named in the words the delegates
// are taught.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { loadAppModule } from "./load_ts.mjs";

const { zhCN, zhTW, en } = await loadAppModule("strings");
const src = (name) => readFile(new URL(`../app/src/${name}`, import.meta.url), "utf8");

/** The string literals of the union type `name` declared in `text`. */
function unionCodes(text, name) {
  const start = text.indexOf(`type ${name} =`);
  assert.ok(start >= 0, `${name} is declared`);
  const end = text.indexOf(";", start);
  return [...text.slice(start, end).matchAll(/"(\w+)"/g)].map((m) => m[1]);
}

const basis = unionCodes(await src("trust.ts"), "TrustProblem");
const receipts = unionCodes(await src("receipt_check.ts"), "ReceiptProblem");
const client = await src("client.ts");
const stops = [...client.slice(client.indexOf("interface TrustFailure")).split("}")[0].matchAll(/"(\w+)"/g)].map((m) => m[1]);

test("the codes are read from the sources", () => {
  assert.ok(basis.includes("joint_key_mismatch") && basis.includes("election_hash_mismatch"), basis.join());
  assert.deepEqual(receipts.sort(), ["receipt_forged", "receipt_not_mine", "receipt_not_on_board"]);
  assert.deepEqual(stops.sort(), ["board_chain_broken", "board_event_invalid", "congress_key_changed", "handover_invalid", "signing_key_uncertified"]);
});

test("every refusal has a text in every language, naming whom to tell", () => {
  for (const code of [...basis, ...receipts, ...stops]) {
    for (const table of [zhCN, zhTW]) assert.match(table[`trust_${code}`] ?? "", /通知(监票人|監票人|工作人员|工作人員)/, code);
    assert.match(en[`trust_${code}`] ?? "", /tell the (scrutineers|meeting staff)/i, code);
  }
});

test("a substituted key is named as the delegates are taught", () => {
  assert.equal(zhCN.trust_joint_key_mismatch, "本次表决的加密公钥与监票人生成的不一致，请勿投票并通知监票人");
});
