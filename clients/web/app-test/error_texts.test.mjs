// Every error code the server can send (the PLENUM_ERRORS list of protocol/error.hpp) and the
// apps' own "unavailable" (connection lost) has a text in every language that says what
// happened in the user's words — never the bare code.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { loadAppModule } from "./load_ts.mjs";

const { zhCN, zhTW, en } = await loadAppModule("strings");
const header = await readFile(new URL("../../../protocol/errors/include/plenum/protocol/error.hpp", import.meta.url), "utf8");

/** The codes of the X-macro list between `#define PLENUM_ERRORS(X)` and the enum. */
function serverCodes(text) {
  const start = text.indexOf("#define PLENUM_ERRORS(X)");
  const end = text.indexOf("enum class errc", start);
  assert.ok(start >= 0 && end > start, "error.hpp still defines PLENUM_ERRORS before errc");
  return [...text.slice(start, end).matchAll(/\bX\((\w+),/g)].map((m) => m[1]);
}

const codes = [...serverCodes(header), "unavailable"];
const tables = { "zh-CN": zhCN, "zh-TW": zhTW, en };

test("the list is read from error.hpp", () => {
  assert.ok(codes.length > 80, `only ${codes.length} codes read`);
  for (const known of ["invalid_field", "vote_not_open", "key_revoked", "internal"]) assert.ok(codes.includes(known), known);
});

test("every error code has a text in every language", () => {
  const missing = [];
  for (const code of codes) for (const [name, table] of Object.entries(tables)) if (!table[`err_${code}`]?.trim()) missing.push(`${name}: err_${code}`);
  assert.deepEqual(missing, [], `error codes without a text:\n${missing.join("\n")}`);
});

test("the texts speak the user's language, not the code", () => {
  for (const code of codes) {
    for (const [name, table] of Object.entries(tables)) {
      const text = table[`err_${code}`];
      if (text === undefined) continue; // reported by the test above
      assert.ok(!text.includes(code) || !code.includes("_"), `${name} err_${code} repeats the code`);
      assert.ok(!/[a-z]+_[a-z]+/.test(text), `${name} err_${code} shows an identifier: ${text}`);
      if (name !== "en") assert.match(text, /[\u4e00-\u9fff]/, `${name} err_${code} is not Chinese`);
    }
  }
});

test("a code without a text still gets a sentence naming the code", () => {
  for (const table of Object.values(tables)) assert.match(table.err_unknown, /\{code\}/);
});
