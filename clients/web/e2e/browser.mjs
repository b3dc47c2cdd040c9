// Launching Debian's chromium headless through playwright-core, shared by the browser test and
// the browser benchmark. PLENUM_CHROMIUM overrides the executable.
import { chromium } from "playwright-core";

/** A headless Chromium that accepts the test server's self-signed certificate. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.PLENUM_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--ignore-certificate-errors", "--disable-dev-shm-usage"],
  });
}
