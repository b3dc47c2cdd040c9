// The hall's machines as a client reaches them (server/STANDBY.md, "How devices find the serving
// machine"): the base addresses hello's `servers` names ("https://192.168.1.10:8443") turned into
// WebSocket addresses on the page's own path, added to those the client already knows.

/** The most addresses taken from one hello (the server sends at most 16). */
const MAX_SERVERS = 16;

/** The WebSocket address for hall base address `base`, on the same path as `like` (the page's
 * own WebSocket address); null for anything but an http(s) address. */
export function socketAddress(base: string, like: string): string | null {
  try {
    const u = new URL(base);
    if (u.protocol !== "https:" && u.protocol !== "http:") return null;
    return `${u.protocol === "https:" ? "wss" : "ws"}://${u.host}${new URL(like).pathname}`;
  } catch {
    return null;
  }
}

/** `known` followed by the addresses of `servers` (strings, or objects naming an `address`) it
 * does not hold yet, in the order given; `like` gives the path. Anything else is left out. */
export function withHallServers(known: readonly string[], servers: unknown, like: string): string[] {
  const out = [...known];
  if (!Array.isArray(servers)) return out;
  for (const s of servers.slice(0, MAX_SERVERS)) {
    const base = typeof s === "string" ? s : typeof s?.["address"] === "string" ? s["address"] : null;
    const address = base ? socketAddress(base, like) : null;
    if (address && !out.includes(address)) out.push(address);
  }
  return out;
}
