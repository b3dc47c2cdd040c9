// The accessibility audit of the browser test: axe-core (from npm) injected into a page and
// run on the whole document; serious and critical violations are what fails a test.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// Evaluated as page script, not injected as a <script> tag, which the apps' CSP refuses.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core on `page` and resolves with its serious and critical violations, each as
 * "rule (impact): help — selector of the first few nodes".
 */
export async function auditPage(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(", ")}`);
}
