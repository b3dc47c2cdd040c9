// What an enrollment card's QR code holds, and reading it back. Plain code without imports, so
// that the tests can load it alone.

/**
 * The text of a card's QR code: the app `page` (default the tablet) of `origin` + `basePath`
 * with "#enroll=" and the person's number and code, so that a generic QR reader also opens the
 * right page.
 */
export function enrollUrl(originAndBase: string, person: string, code: string, page = "tablet.html"): string {
  return `${originAndBase}${page}#enroll=${encodeURIComponent(person)}:${code}`;
}

/**
 * The app a person with `roles` enrolls: the chair's console, the secretary's desk, the big
 * screen for the projector, else the tablet (delegates, alternates, scrutineers, observers).
 */
export function appPageFor(roles: readonly string[]): string {
  if (roles.includes("chair")) return "chair.html";
  if (roles.includes("secretary")) return "secretary.html";
  if (roles.includes("projector")) return "screen.html";
  return "tablet.html";
}

/**
 * Reads the person number and the code from a scanned or pasted text: such a URL, its hash,
 * or "person:code". Null when the text has neither form. The code is returned as written (the
 * server ignores case, hyphens and spaces).
 */
export function parseEnrollText(text: string): { person: string; code: string } | null {
  const m = /(?:^|#enroll=)([^:#\s/]+):([0-9A-Za-z][0-9A-Za-z -]*)\s*$/.exec(text.trim());
  if (!m) return null;
  let person: string;
  try {
    person = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  return { person, code: m[2]!.trim() };
}

/**
 * An enrollment code as typed, in the canonical form the server signs and checks (16 Crockford
 * base32 characters, upper case, no separators): spaces and hyphens dropped, the letters O read
 * as 0 and I or L as 1, as people misread them from a printed card. Other characters are kept
 * (the server refuses them with a clear error).
 */
export function canonicalEnrollCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}
