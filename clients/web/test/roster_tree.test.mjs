// The roster's Merkle tree (crypto/SPEC.md §4a): the known answers the C++ generator wrote
// (tests/vectors/roster-tree.json) are remade here byte for byte, and a changed key, index,
// count, sibling or root is refused.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cvp1, loadVectors, publicKey, hex } from "./support.mjs";

describe("roster tree", () => {
  let doc;
  before(async () => {
    await cvp1.ready();
    doc = loadVectors("roster-tree.json");
  });

  test("every known answer is remade and verifies", () => {
    assert.equal(doc.trees.length, 5);
    for (const tree of doc.trees) {
      const keys = tree.keys.map(publicKey);
      assert.equal(cvp1.toHex(cvp1.rosterRoot([...keys].reverse())), tree.root);
      keys.forEach((pk, i) => {
        assert.equal(cvp1.toHex(cvp1.rosterLeafHash(pk)), tree.leaves[i]);
        const path = cvp1.rosterInclusionProof(keys, i);
        assert.deepEqual(path.map(cvp1.toHex), tree.paths[i]);
        assert.ok(cvp1.verifyRosterInclusion(hex(tree.root, 32), keys.length, i, pk, tree.paths[i].map((h) => hex(h, 32))));
      });
    }
  });

  test("a wrong key, index, count, sibling or root is refused", () => {
    const tree = doc.trees.find((t) => t.keys.length === 5);
    const keys = tree.keys.map(publicKey);
    const root = hex(tree.root, 32);
    const path = tree.paths[2].map((h) => hex(h, 32));
    assert.ok(cvp1.verifyRosterInclusion(root, 5, 2, keys[2], path));
    assert.ok(!cvp1.verifyRosterInclusion(root, 5, 2, keys[3], path));
    assert.ok(!cvp1.verifyRosterInclusion(root, 5, 3, keys[2], path));
    assert.ok(!cvp1.verifyRosterInclusion(root, 10, 2, keys[2], path));
    assert.ok(!cvp1.verifyRosterInclusion(root, 2, 2, keys[2], path));
    assert.ok(!cvp1.verifyRosterInclusion(root, 0, 0, keys[2], path));
    const sibling = path.map((p) => Uint8Array.from(p));
    sibling[0][0] ^= 1;
    assert.ok(!cvp1.verifyRosterInclusion(root, 5, 2, keys[2], sibling));
    assert.ok(!cvp1.verifyRosterInclusion(root, 5, 2, keys[2], path.slice(1)));
    assert.ok(!cvp1.verifyRosterInclusion(root, 5, 2, keys[2], [...path, root]));
    const wrongRoot = Uint8Array.from(root);
    wrongRoot[31] ^= 1;
    assert.ok(!cvp1.verifyRosterInclusion(wrongRoot, 5, 2, keys[2], path));
    assert.equal(cvp1.rosterRoot([]), null);
    assert.equal(cvp1.rosterInclusionProof(keys, 5), null);
  });
});
