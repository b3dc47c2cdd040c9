// Browser benchmark of the tablet's ballot work (encrypt + prove + sign) in headless Chromium:
// serves dist-app/ over plain HTTP on a free local port, opens bench.html and prints its
// figures. Usage: npm run build:app && node e2e/bench.mjs [runs]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "./browser.mjs";

const root = fileURLToPath(new URL("../dist-app/", import.meta.url));
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const port = server.address().port;
const runs = Number(process.argv[2] ?? 30);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/bench.html?runs=${runs}`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 120_000 });
  const result = await page.evaluate(() => window.benchResult);
  // The renderer's main-thread CPU time (CDP Performance.ThreadTime) around a batch of ballots.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  const threadTime = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime").value;
  const cpu = {};
  for (const kind of ["motion", "election_7_5"]) {
    const before = await threadTime();
    await page.evaluate(([k, n]) => window.benchBatch(k, n), [kind, runs]);
    cpu[kind] = ((await threadTime()) - before) * 1000 / runs;
  }
  const fmt = (x) => `median ${x.median.toFixed(1)} ms, p90 ${x.p90.toFixed(1)} ms, min ${x.min.toFixed(1)} ms`;
  console.log(`browser: ${result.userAgent}`);
  console.log(`runs: ${result.runs}`);
  console.log(`motion (3 options, 1 contest):   wall ${fmt(result.motion)}; CPU ${cpu.motion.toFixed(1)} ms`);
  console.log(`election 7 candidates / 5 seats: wall ${fmt(result.election_7_5)}; CPU ${cpu.election_7_5.toFixed(1)} ms`);
} finally {
  await browser.close();
  server.close();
}
