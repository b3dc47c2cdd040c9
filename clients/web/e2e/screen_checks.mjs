// What every browser test checks on a screenshot: the page does not scroll sideways, no control
// is too small for an older delegate's finger (phones and tablets), and axe-core finds no
// serious or critical accessibility violation. Problems are collected, not thrown, so that one
// run reports every screen at once.
import { join } from "node:path";
import { auditPage } from "./a11y.mjs";

/** Controls measured for touch size. */
const TOUCH_CONTROLS = "button, a.app-link, input:not([type=checkbox]), select, textarea, summary";

/**
 * A screenshot taker for `artifacts`: `shot(page, name, { touch })` saves `name`.png (full page)
 * and records its problems in `problems`; `touch: false` skips the touch-size check (desks used
 * with a mouse). `files` lists the screenshots taken, in order.
 */
export function screenChecks(artifacts) {
  const problems = [];
  const files = [];
  async function shot(page, name, { touch = true } = {}) {
    await page.waitForTimeout(150); // let the last render and fonts settle
    const file = join(artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
    const layout = await page.evaluate((selector) => {
      const doc = document.documentElement;
      const small = [];
      for (const el of document.querySelectorAll(selector)) {
        const r = el.getBoundingClientRect();
        const visible = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
        if (visible && (r.height < 47.5 || r.width < 47.5)) small.push(`${el.tagName} "${(el.textContent ?? "").trim().slice(0, 20)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
      }
      return { overflow: doc.scrollWidth - doc.clientWidth, small };
    }, TOUCH_CONTROLS);
    if (layout.overflow > 0) problems.push(`${name}: horizontal overflow of ${layout.overflow}px`);
    if (touch && layout.small.length) problems.push(`${name}: small touch targets: ${layout.small.join("; ")}`);
    for (const v of await auditPage(page)) problems.push(`${name}: accessibility: ${v}`);
  }
  return { shot, problems, files };
}
