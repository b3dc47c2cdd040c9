// The string tables: the same keys and placeholders in every language, nothing empty, and
// Simplified and Traditional Chinese each written in their own script.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadAppModule } from "./load_ts.mjs";

const { zhCN, zhTW, en } = await loadAppModule("strings");
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every language has exactly the keys of Simplified Chinese", () => {
  const keys = Object.keys(zhCN).sort();
  assert.ok(keys.length > 150);
  assert.deepEqual(Object.keys(zhTW).sort(), keys);
  assert.deepEqual(Object.keys(en).sort(), keys);
});

test("no string is empty and placeholders agree across languages", () => {
  for (const key of Object.keys(zhCN)) {
    for (const table of [zhCN, zhTW, en]) assert.ok(table[key].trim().length > 0, key);
    assert.deepEqual(placeholders(zhTW[key]), placeholders(zhCN[key]), key);
    assert.deepEqual(placeholders(en[key]), placeholders(zhCN[key]), key);
  }
});

// Characters whose Simplified and Traditional forms differ, common in these tables.
const pairs = "会會 议議 员員 选選 录錄 设設 备備 码碼 对對 时時 数數 党黨 应應 实實 签簽 开開 结結 认認 证證 记記 计計 号號 钥鑰 键鍵 请請 进進 连連 线線 机機 审審 权權 决決 举舉 这這 张張 单單 导導 览覽 务務 项項 报報 题題 议議";
const simplified = new Set(pairs.split(" ").map((p) => [...p][0]));
const traditional = new Set(pairs.split(" ").map((p) => [...p][1]));

test("Simplified Chinese uses no traditional forms, Traditional Chinese no simplified forms", () => {
  for (const [key, s] of Object.entries(zhCN))
    for (const ch of s) assert.ok(!traditional.has(ch), `zh-CN ${key}: ${ch} in ${s}`);
  for (const [key, s] of Object.entries(zhTW))
    for (const ch of s) assert.ok(!simplified.has(ch), `zh-TW ${key}: ${ch} in ${s}`);
});

test("the glossary's terms are used", () => {
  assert.equal(zhCN.seated, "应到");
  assert.equal(zhCN.present, "实到");
  assert.equal(zhCN.quorum, "法定人数");
  assert.equal(zhCN.role_scrutineer, "监票人");
  assert.equal(zhCN.opt_abstain, "弃权");
  assert.equal(zhCN.opt_disapprove, "不赞成");
  assert.equal(zhCN.vote_kind_appraisal, "民主评议");
  assert.equal(zhCN.vote_kind_confidence, "信任投票");
});

test("English has no Chinese characters", () => {
  for (const [key, s] of Object.entries(en)) assert.ok(!/[\u4e00-\u9fff]/.test(s), key);
});
