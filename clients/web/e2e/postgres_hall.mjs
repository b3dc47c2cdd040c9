// Two PostgreSQL 15 clusters of a browser test's own (server/STANDBY.md, "What `make test`
// starts"): a primary and its synchronous streaming standby, each made with initdb or
// pg_basebackup in a temporary folder and serving on a free loopback port, run as the `postgres`
// system user when the test runs as root (PostgreSQL refuses root). For tests only.
import { execFile } from "node:child_process";
import { chown, mkdtemp, rm, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The folder of initdb, pg_ctl, pg_basebackup and psql. */
export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** A loopback port no one listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs PostgreSQL's `tool` with `args` as the server's user; throws with its output. */
async function pgTool(tool, args) {
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", join(PG_BIN, tool), ...args]] : [join(PG_BIN, tool), args];
  try {
    return (await run(file, argv, { maxBuffer: 1 << 24 })).stdout;
  } catch (e) {
    throw new Error(`${tool} ${args.join(" ")}: ${e.stderr || e.message}`);
  }
}

/** One cluster: its folder, port and the steps a test takes on it. */
async function makeCluster(name, init) {
  const dir = await mkdtemp(join(tmpdir(), `plenum-web-pg-${name}-`));
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    await chown(dir, Number(stdout), Number(gid));
  }
  const data = join(dir, "data");
  const port = await freePort();
  await init(data);
  await appendFile(
    join(data, "postgresql.conf"),
    `\n# ${name} (browser test)\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\ncluster_name = '${name}'\nmax_connections = 30\nshared_buffers = 16MB\nmax_wal_senders = 4\nwal_level = replica\n`,
  );
  let running = false;
  const cluster = {
    name,
    port,
    /** The libpq connection string of database `db`. */
    conninfo: (db = "congress") => `host=127.0.0.1 port=${port} user=plenum dbname=${db} connect_timeout=5`,
    /** The first value `sql` returns on database postgres ("" when no row). */
    async sql(sql) {
      const { stdout } = await run(join(PG_BIN, "psql"), ["-X", "-A", "-t", "-q", "-h", "127.0.0.1", "-p", String(port), "-U", "plenum", "-d", "postgres", "-c", sql]);
      return stdout.trim();
    },
    async start() {
      await pgTool("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
      running = true;
    },
    /** Stops the server at once, as a power loss would. */
    async stop() {
      if (!running) return;
      await pgTool("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      running = false;
    },
    /** Stops it and removes its folder. */
    async remove() {
      await cluster.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}

/**
 * A primary with database `congress` and its synchronous standby (named in the primary's
 * synchronous_standby_names, in sync when this resolves): { primary, standby, remove() }.
 */
export async function startPostgresHall() {
  const primary = await makeCluster("hall_a", (data) => pgTool("initdb", ["-D", data, "-U", "plenum", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions", "--no-sync"]));
  let standby = null;
  try {
    await primary.start();
    await primary.sql("CREATE DATABASE congress");
    // -R writes standby.signal and primary_conninfo; the WAL receiver names itself cluster_name.
    standby = await makeCluster("hall_b", (data) => pgTool("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "plenum", "-D", data, "-R", "-X", "stream", "-c", "fast", "--no-sync"]));
    await standby.start();
    await primary.sql("ALTER SYSTEM SET synchronous_standby_names = 'hall_b'");
    await primary.sql("SELECT pg_reload_conf()");
    const end = Date.now() + 30_000;
    while ((await primary.sql("SELECT sync_state FROM pg_stat_replication WHERE application_name = 'hall_b'")) !== "sync") {
      if (Date.now() > end) throw new Error("the standby did not become synchronous");
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    await standby?.remove();
    await primary.remove();
    throw e;
  }
  return {
    primary,
    standby,
    async remove() {
      await standby.remove();
      await primary.remove();
    },
  };
}
