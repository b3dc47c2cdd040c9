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
 * Starts `binary` serving `webRoot` with `rosterCsv` imported under `membership` ([M, W, N]), on
 * `port` (default: a free one) with `extraArgs` added to its command line.
 * Resolves with { port, url, dataDir, dataPath, credentials: [{person, name, roles, code}],
 * stop(), kill(), restart(), remove(), log() }.
 */
export async function startPlenumd({ binary, webRoot, rosterCsv, membership, port: wanted = 0, extraArgs = [] }) {
  const dataDir = await mkdtemp(join(tmpdir(), "plenum-web-e2e-"));
  const rosterFile = join(dataDir, "roster.csv");
  await writeFile(rosterFile, rosterCsv);
  const ready = join(dataDir, "port");
  const args = [
    "--data-dir", join(dataDir, "data"),
    "--listen", "127.0.0.1",
    "--port", String(wanted),
    "--threads", "2",
    "--ready-file", ready,
    "--web-root", webRoot,
    "--roster", rosterFile,
    "--membership", membership.join(","),
    "--log-level", "info",
    ...extraArgs,
  ];
  let output = "";
  let child;
  /** Spawns plenumd with `args` and waits for its ready file; resolves with its port. */
  async function launch() {
    await rm(ready, { force: true });
    child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    try {
      return Number((await waitForFile(ready, 60_000, child)).trim());
    } catch (e) {
      child.kill("SIGKILL");
      throw new Error(`${e.message}\n${output}`);
    }
  }
  const port = await launch();
  args[args.indexOf("--port") + 1] = String(port); // a restart keeps the address
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
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      return child.exitCode ?? child.signalCode;
    },
    /** Kills the server at once (SIGKILL), as a power loss would; resolves once it is gone. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGKILL");
        await exited;
      }
    },
    /** Starts the server again on the same port and data directory, once it has stopped. */
    async restart() {
      await launch();
    },
    /** Deletes the temporary directory. */
    async remove() {
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
