// Node 18 has no global Web Crypto, which the ESM build of libsodium.js needs for its random
// source. Import this module before the library in node entry points (tests, scripts); it does
// nothing where globalThis.crypto exists (browsers, node 19 and later).
import { webcrypto } from "node:crypto";

if (globalThis.crypto === undefined || typeof globalThis.crypto.getRandomValues !== "function") {
  globalThis.crypto = webcrypto;
}
