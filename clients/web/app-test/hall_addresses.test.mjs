// The hall's machines from hello's `servers`: WebSocket addresses on the page's own path, each
// once, in the order given after those known; anything but an http(s) address left out.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadAppModule } from "./load_ts.mjs";

const { socketAddress, withHallServers } = await loadAppModule("hall_addresses");

test("a base address becomes the WebSocket address on the page's path", () => {
  assert.equal(socketAddress("https://192.168.1.10:8443", "wss://192.168.1.11:8443/ws"), "wss://192.168.1.10:8443/ws");
  assert.equal(socketAddress("https://192.168.1.10:8443/", "wss://a:1/ws/township/south"), "wss://192.168.1.10:8443/ws/township/south");
  assert.equal(socketAddress("http://127.0.0.1:8080", "ws://127.0.0.1:8081/ws"), "ws://127.0.0.1:8080/ws");
  for (const bad of ["ftp://a", "javascript:alert(1)", "not an address", ""]) assert.equal(socketAddress(bad, "wss://a:1/ws"), null, bad);
});

test("the known addresses first, then the new ones in order, each once", () => {
  const own = "wss://192.168.1.11:8443/ws";
  const servers = ["https://192.168.1.10:8443", "https://192.168.1.11:8443", { address: "https://192.168.1.12:8443" }, 7, null, "ftp://x"];
  assert.deepEqual(withHallServers([own], servers, own), [own, "wss://192.168.1.10:8443/ws", "wss://192.168.1.12:8443/ws"]);
  assert.deepEqual(withHallServers([own], undefined, own), [own]);
  assert.deepEqual(withHallServers([own], "https://192.168.1.10:8443", own), [own], "not a list");
  const many = Array.from({ length: 40 }, (_, i) => `https://10.0.0.${i}:8443`);
  assert.equal(withHallServers([own], many, own).length, 17, "at most 16 from one hello");
});
