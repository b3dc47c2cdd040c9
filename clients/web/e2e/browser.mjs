// Launching Debian's chromium headless through playwright-core, shared by the browser test and
// the browser benchmark. PLENUM_CHROMIUM overrides the executable.
import { chromium } from "playwright-core";

/** A headless Chromium that accepts the test server's self-signed certificate. */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.PLENUM_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--ignore-certificate-errors", "--disable-dev-shm-usage", ...extraArgs],
  });
}

/**
 * A Chromium whose camera shows `y4mFile` (a YUV4MPEG2 video), with camera permission granted
 * without asking: for reading enrollment cards through the app's camera scanner.
 */
export function launchWithCamera(y4mFile) {
  return launch(["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${y4mFile}`]);
}
