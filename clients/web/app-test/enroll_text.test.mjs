// Enrollment card QR texts: made and read back, and what is refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadAppModule } from "./load_ts.mjs";

const mod = await loadAppModule("enroll_text");
const { enrollUrl, parseEnrollText } = mod;

test("a card's URL reads back to its person and code", () => {
  const url = enrollUrl("https://hall.local:8443/", "D-017", "7ZK3-M0QH-X4TB-9C2D");
  assert.equal(url, "https://hall.local:8443/tablet.html#enroll=D-017:7ZK3-M0QH-X4TB-9C2D");
  assert.deepEqual(parseEnrollText(url), { person: "D-017", code: "7ZK3-M0QH-X4TB-9C2D" });
});

test("person numbers that need escaping survive", () => {
  const url = enrollUrl("https://h/", "代表 01", "ABCD");
  assert.deepEqual(parseEnrollText(url), { person: "代表 01", code: "ABCD" });
});

test("the short form person:code and a bare hash are read", () => {
  assert.deepEqual(parseEnrollText("D-1:abcd efgh"), { person: "D-1", code: "abcd efgh" });
  assert.deepEqual(parseEnrollText("#enroll=S-2:WXYZ"), { person: "S-2", code: "WXYZ" });
});

test("other texts are refused", () => {
  assert.equal(parseEnrollText(""), null);
  assert.equal(parseEnrollText("https://example.com/"), null);
  assert.equal(parseEnrollText("D-1:"), null);
  assert.equal(parseEnrollText("#enroll=%E0%A4%A:CODE"), null);
});

test("a code typed with O for 0 and I or L for 1 reads as printed", () => {
  const { canonicalEnrollCode } = mod;
  assert.equal(canonicalEnrollCode("7zk3-mOqh-x4tb-9c2d"), "7ZK3M0QHX4TB9C2D");
  assert.equal(canonicalEnrollCode(" AIL1 oO00 "), "A111" + "0000");
  assert.equal(canonicalEnrollCode("7ZK3M0QHX4TB9C2D"), "7ZK3M0QHX4TB9C2D");
});

test("each role's card opens its own app", async () => {
  const { appPageFor } = await loadAppModule("enroll_text");
  assert.equal(appPageFor(["chair"]), "chair.html");
  assert.equal(appPageFor(["secretary"]), "secretary.html");
  assert.equal(appPageFor(["projector"]), "screen.html");
  for (const roles of [["delegate"], ["scrutineer"], ["observer"], ["alternate"], ["delegate", "scrutineer"]]) assert.equal(appPageFor(roles), "tablet.html");
  assert.equal(enrollUrl("https://h/", "CH", "ABCD", appPageFor(["chair"])), "https://h/chair.html#enroll=CH:ABCD");
});
