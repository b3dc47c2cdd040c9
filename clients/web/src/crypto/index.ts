// The tablet's CVP1 crypto: the JavaScript twin of the C++ library in crypto/. Await ready()
// before calling anything else.
export { ready, sodiumVersion } from "./sodium.js";
export * from "./bytes.js";
export * from "./random.js";
export * from "./group.js";
export * from "./hash.js";
export * from "./sign.js";
export * from "./manifest.js";
export * from "./roster_tree.js";
export * from "./elgamal.js";
export * from "./range_proof.js";
export * from "./ballot.js";
export * from "./ballot_json.js";
export * from "./spoiled_ballot.js";
export * from "./board.js";
export * from "./ceremony.js";
export * from "./decryption.js";
export * from "./tally.js";
export * from "./pin_seal.js";
export * from "./result.js";
