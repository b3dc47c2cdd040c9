// The libsodium instance every module of the tablet's crypto uses. libsodium.js loads
// asynchronously: await ready() once at start-up before calling anything else here.
import sodiumModule from "libsodium-wrappers-sumo";

/** The libsodium.js module's type. */
export type Sodium = typeof sodiumModule;

let loaded = false;

/** Loads libsodium. Safe to call repeatedly; resolves once the library is usable. */
export async function ready(): Promise<void> {
  await sodiumModule.ready;
  loaded = true;
}

/**
 * The loaded library. Throws (a programmer error) when ready() has not resolved yet, so that
 * no function silently runs against an unloaded module.
 */
export function sodium(): Sodium {
  if (!loaded) throw new Error("libsodium is not loaded: await ready() first");
  return sodiumModule;
}

/** libsodium's version string, for benchmarks and diagnostics. */
export function sodiumVersion(): string {
  return sodium().sodium_version_string();
}
