// The Merkle tree over a vote's roster (crypto/SPEC.md §4a), the twin of the C++
// roster_tree.hpp: leaves are the voters' keys sorted bytewise, RFC 6962 shape (split at the
// largest power of two below n, no duplicated node), leaf = H32("roster-leaf", pk),
// node = H32("roster-node", left, right). A tablet verifies its own key's path against the
// signed vote_opened's roster_root and roster_count.
import { compareBytes } from "./bytes.js";
import { Transcript } from "./hash.js";
import { PublicKey } from "./sign.js";

/** H32("roster-leaf", pk). */
export function rosterLeafHash(pk: PublicKey): Uint8Array {
  return new Transcript("roster-leaf").raw(pk.raw).h32();
}

/** H32("roster-node", left, right). */
export function rosterNodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return new Transcript("roster-node").raw(left).raw(right).h32();
}

// The levels of the tree over `voters` sorted bytewise, leaves first, root last; each level
// pairs the one below and carries an odd last node up unchanged (RFC 6962's shape).
function levelsOf(voters: readonly PublicKey[]): Uint8Array[][] {
  const sorted = [...voters].sort((a, b) => compareBytes(a.raw, b.raw));
  const levels: Uint8Array[][] = [sorted.map(rosterLeafHash)];
  for (;;) {
    const below = levels[levels.length - 1]!;
    if (below.length <= 1) return levels;
    const above: Uint8Array[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(rosterNodeHash(below[i]!, below[i + 1]!));
    if (below.length % 2 === 1) above.push(below[below.length - 1]!);
    levels.push(above);
  }
}

/** The root over `voters` (any order); null for an empty roster. */
export function rosterRoot(voters: readonly PublicKey[]): Uint8Array | null {
  if (voters.length === 0) return null;
  const levels = levelsOf(voters);
  return levels[levels.length - 1]![0]!;
}

/** The inclusion path (lowest sibling first) of the key at `index` of `voters` sorted
 * bytewise; null for an empty roster or an index out of range. */
export function rosterInclusionProof(voters: readonly PublicKey[], index: number): Uint8Array[] | null {
  if (!Number.isSafeInteger(index) || index < 0 || index >= voters.length) return null;
  const levels = levelsOf(voters);
  const path: Uint8Array[] = [];
  let at = index;
  for (let level = 0; level + 1 < levels.length; ++level) {
    const sibling = at ^ 1;
    if (sibling < levels[level]!.length) path.push(levels[level]![sibling]!);
    at = Math.floor(at / 2);
  }
  return path;
}

/** Whether `path` proves that `pk` is leaf `index` of a tree of `count` leaves with root `root`
 * (RFC 9162 §2.1.3.2). False for count 0, index >= count, or a path of the wrong length. The
 * count is checked only as far as it shapes the path: take it from the signed vote_opened. */
export function verifyRosterInclusion(
  root: Uint8Array,
  count: number,
  index: number,
  pk: PublicKey,
  path: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(index)) return false;
  if (count <= 0 || index < 0 || index >= count) return false;
  let fn = index;
  let sn = count - 1;
  let r = rosterLeafHash(pk);
  for (const p of path) {
    if (p.length !== 32 || sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = rosterNodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = rosterNodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && compareBytes(r, root) === 0;
}
