// Starting and stopping a real plenumd for the browser test: a temporary data directory, a
// free port (--port 0 with --ready-file), the built apps as web root, and a first roster
// imported at start-up (--roster), whose secretaries' codes plenumd writes to
// <data>/bootstrap-credentials.txt.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

async function waitForFile(path, ms, child) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await readFile(path, "utf8");
    } catch {
      if (child.exitCode !== null) throw new Error(`plenumd exited with ${child.exitCode}`);
      if (Date.now() > end) throw new Error(`plenumd did not write ${path}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Starts `binary` serving `webRoot` with `rosterCsv` imported under `membership` ([M, W, N]).
 * Resolves with { port, url, dataDir, dataPath, credentials: [{person, name, roles, code}],
 * stop(), remove(), log() }.
 */
export async function startPlenumd({ binary, webRoot, rosterCsv, membership }) {
  const dataDir = await mkdtemp(join(tmpdir(), "plenum-web-e2e-"));
  const rosterFile = join(dataDir, "roster.csv");
  await writeFile(rosterFile, rosterCsv);
  const ready = join(dataDir, "port");
  const args = [
    "--data-dir", join(dataDir, "data"),
    "--listen", "127.0.0.1",
    "--port", "0",
    "--threads", "2",
    "--ready-file", ready,
    "--web-root", webRoot,
    "--roster", rosterFile,
    "--membership", membership.join(","),
    "--log-level", "info",
  ];
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  let port;
  try {
    port = Number((await waitForFile(ready, 60_000, child)).trim());
  } catch (e) {
    child.kill("SIGKILL");
    throw new Error(`${e.message}\n${output}`);
  }
  const credText = await readFile(join(dataDir, "data", "bootstrap-credentials.txt"), "utf8");
  const credentials = credText
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => {
      const [person, name, roles, code] = l.split("\t");
      return { person, name, roles, code };
    });
  return {
    port,
    url: `https://127.0.0.1:${port}`,
    dataDir,
    credentials,
    log: () => output,
    /** The server's data directory (event log, keys), kept until remove(). */
    dataPath: join(dataDir, "data"),
    /** Stops the server (SIGTERM, then SIGKILL after 10 s); resolves with its exit status. */
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      return child.exitCode ?? child.signalCode;
    },
    /** Deletes the temporary directory. */
    async remove() {
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
