// A real MariaDB primary with a GTID replica (semi-synchronous AFTER_SYNC, or async) and HAProxy in
// front, on 127.0.0.1 in a temp directory, the servers running as the mysql user: what the MariaDB
// real tests and `npm run drill:real` fail over. Debian's mariadb-server 10.11 and HAProxy.
import { execFileSync } from "node:child_process";
import { chownSync, cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { signal } from "../agent/drivers/mariadb/control.ts";
import { parseReplicaStatus } from "../agent/drivers/mariadb/replica-status.ts";
import { withServer } from "../agent/drivers/mariadb/session.ts";
import { start } from "../agent/drivers/postgresql/os-user.ts";
import { pidFileProcess } from "../agent/drivers/postgresql/process.ts";
import { freePort } from "../server/db/free-port.ts";
import { startHaproxy, writeBackendSections } from "./haproxy.ts";
import type { RealPair } from "./system.ts";
import { startWriter } from "./writer.ts";

export interface MariadbServer {
  name: string;
  port: number;
  dataDir: string;
  pidFile: string;
  argv: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The agent's and the tests' way in: root over TCP, no password (127.0.0.1 only). */
export const root = (port: number) => ({ host: "127.0.0.1", port, user: "root", connectTimeoutMs: 1_000 });

async function sql(port: number, ...statements: string[]) {
  await withServer(root(port), async (s) => {
    for (const statement of statements) await s.run(statement);
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} within ${ms / 1000} s`);
    await sleep(50);
  }
}

function serverArgv(base: string, name: string, port: number, serverId: number, sync: boolean): string[] {
  const dataDir = path.join(base, name);
  return [
    "/usr/sbin/mariadbd",
    "--no-defaults",
    `--datadir=${dataDir}`,
    "--user=mysql",
    "--bind-address=127.0.0.1",
    `--port=${port}`,
    `--socket=${path.join(base, `${name}.sock`)}`,
    `--pid-file=${path.join(base, `${name}.pid`)}`,
    `--log-error=${path.join(base, `${name}.err`)}`,
    `--server-id=${serverId}`,
    `--log-basename=${name}`,
    "--log-bin",
    "--binlog-format=ROW",
    "--gtid-strict-mode=ON",
    "--log-slave-updates=ON",
    "--report-host=127.0.0.1",
    "--skip-name-resolve",
    "--performance-schema=OFF",
    "--innodb-buffer-pool-size=16M",
    "--innodb-log-file-size=8M",
    "--max-connections=100",
    // A crashed primary restarting with this set rolls back what it wrote but no replica acknowledged.
    ...(sync ? ["--rpl-semi-sync-slave-enabled=ON", "--rpl-semi-sync-master-wait-point=AFTER_SYNC"] : []),
  ];
}

export interface MariadbPair extends RealPair {
  nodes: [MariadbServer, MariadbServer];
}

export async function startMariadbPair(opts: { sync: boolean; names?: [string, string] }): Promise<MariadbPair> {
  const base = mkdtempSync("/tmp/ha-mariadb-");
  const owner = Number(execFileSync("id", ["-u", "mysql"], { encoding: "utf8" }));
  const group = Number(execFileSync("id", ["-g", "mysql"], { encoding: "utf8" }));
  chownSync(base, owner, group);
  const [a, b] = opts.names ?? ["db-1", "db-2"];
  const nodes: [MariadbServer, MariadbServer] = (await Promise.all(
    [a, b].map(async (name, i) => {
      const port = await freePort();
      const argv = serverArgv(base, name, port, i + 1, opts.sync);
      return { name, port, dataDir: path.join(base, name), pidFile: path.join(base, `${name}.pid`), argv };
    }),
  )) as [MariadbServer, MariadbServer];
  const template = path.join(base, "template");
  mkdirSync(template);
  chownSync(template, owner, group);
  execFileSync("mariadb-install-db", [
    "--no-defaults",
    `--datadir=${template}`,
    "--user=mysql",
    "--auth-root-authentication-method=normal",
    "--skip-test-db",
    "--innodb-log-file-size=8M",
    "--innodb-buffer-pool-size=16M",
  ]);
  for (const node of nodes) cpSync(template, node.dataDir, { recursive: true, preserveTimestamps: true });
  execFileSync("chown", ["-R", "mysql:mysql", base]);
  rmSync(template, { recursive: true, force: true });
  for (const node of nodes) {
    const [file, ...args] = node.argv;
    start(file!, args, undefined).unref();
  }
  for (const node of nodes)
    await waitFor(`${node.name} did not answer`, () => sql(node.port, "SELECT 1").then(() => true));
  const [primary, replica] = nodes;
  await sql(
    primary.port,
    "CREATE USER 'replicator'@'127.0.0.1'",
    "GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'127.0.0.1'",
    // The application's user holds no READ_ONLY ADMIN: read_only (a fence) stops its writes.
    "CREATE USER 'app'@'127.0.0.1'",
    "CREATE DATABASE app",
    "GRANT SELECT, INSERT ON app.* TO 'app'@'127.0.0.1'",
    "CREATE TABLE app.writes (n bigint PRIMARY KEY, at datetime(6) NOT NULL DEFAULT now(6))",
  );
  await sql(
    replica.port,
    "SET GLOBAL read_only = ON",
    `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primary.port}, MASTER_USER = 'replicator',
       MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1`,
    "START SLAVE",
  );
  const haproxyPort = await freePort();
  const haproxy = startHaproxy(base, writeBackendSections("mariadb_write", haproxyPort, nodes));
  const server = (name: string) => nodes.find((n) => n.name === name) ?? nodes[0];
  const replicating = async (name: string) => {
    const other = nodes.find((n) => n.name !== name)!;
    const row = await withServer(root(server(name).port), async (s) => (await s.rows("SHOW REPLICA STATUS"))[0]);
    const status = row ? parseReplicaStatus(row) : null;
    return status?.io === "running" && status.sqlRunning && status.port === other.port;
  };
  await waitFor(`${replica.name} is not replicating`, () => replicating(replica.name));
  // Ready once the replica has applied the setup: a test's first statement on it finds the table.
  await waitFor(`${replica.name} did not apply the setup`, () =>
    withServer(root(replica.port), async (s) => (await s.rows("SHOW TABLES IN app LIKE 'writes'")).length === 1),
  );
  // Semi-synchronous only once the replica replicates: before, every commit would wait for it.
  if (opts.sync)
    await sql(
      primary.port,
      "SET GLOBAL rpl_semi_sync_master_wait_no_slave = OFF",
      "SET GLOBAL rpl_semi_sync_master_enabled = ON",
    );
  if (opts.sync)
    await waitFor("semi-sync did not turn on", () =>
      withServer(root(primary.port), async (s) => {
        const [row] = await s.rows("SHOW GLOBAL STATUS LIKE 'Rpl_semi_sync_master_clients'");
        return Number(row?.Value) > 0;
      }),
    );
  return {
    system: "mariadb",
    managedBy: "console",
    nodes,
    haproxy: { port: haproxyPort, socket: haproxy.socket, backend: "mariadb_write" },
    agentDriver: (i, peer) => ({
      driver: "mariadb",
      mariadb: {
        port: nodes[i].port,
        pidFile: nodes[i].pidFile,
        startCommand: nodes[i].argv,
        replicationMode: opts.sync ? "sync" : "async",
        peers: [{ name: peer.name, host: "127.0.0.1", port: peer.port }],
        haproxy: { socket: haproxy.socket, backend: "mariadb_write" },
      },
    }),
    startWriter: () => startWriter(() => insertSession(haproxyPort)),
    async written(name) {
      const rows = await withServer(root(server(name).port), (s) => s.rows("SELECT n FROM app.writes"));
      return new Set(rows.map((r) => Number(r.n)));
    },
    async kill(name) {
      const { pid } = await pidFileProcess(server(name).pidFile);
      if (pid !== null) process.kill(pid, "SIGKILL");
      await waitFor(`${name} did not die`, async () => (await pidFileProcess(server(name).pidFile)).pid === null);
    },
    async stall(name, on) {
      const { pid } = await pidFileProcess(server(name).pidFile);
      if (pid !== null) signal(pid, on);
    },
    replicating,
    async stop() {
      try {
        haproxy.stop();
      } finally {
        for (const node of nodes) {
          const { pid } = await pidFileProcess(node.pidFile);
          // A stalled server must continue before it can die.
          if (pid !== null) for (const s of ["SIGCONT", "SIGKILL"] as const) process.kill(pid, s);
        }
        for (const node of nodes)
          await waitFor("the server did not die", async () => (await pidFileProcess(node.pidFile)).pid === null);
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

async function insertSession(port: number) {
  const session = await import("mysql2/promise").then((mysql) =>
    mysql.createConnection({ host: "127.0.0.1", port, user: "app", database: "app", connectTimeout: 500 }),
  );
  session.on("error", () => undefined);
  return {
    write: async (n: number) =>
      void (await session.query({ sql: "INSERT INTO writes (n) VALUES (?)", values: [n], timeout: 1_000 })),
    close: async () => session.destroy(),
  };
}
