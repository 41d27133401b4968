// A real PostgreSQL primary with a streaming hot standby and HAProxy in front, on 127.0.0.1 in
// a temp directory, run as the postgres user: what the real failover test and `npm run
// drill:real` fail over. Debian's PostgreSQL 15 and HAProxy (.ci/run installs them).
import { appendFileSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { stall } from "../agent/drivers/postgresql/control.ts";
import { osUser, run } from "../agent/drivers/postgresql/os-user.ts";
import { postmaster, serverProcesses } from "../agent/drivers/postgresql/process.ts";
import { freePort } from "../server/db/free-port.ts";
import { startHaproxy, writeBackendSections } from "./haproxy.ts";
import type { RealPair } from "./system.ts";
import { startWriter } from "./writer.ts";

export const BIN = process.env.PG15_BIN ?? "/usr/lib/postgresql/15/bin";

export interface PgServer {
  name: string;
  port: number;
  dataDir: string;
}

export interface Pair extends RealPair {
  base: string;
  nodes: [PgServer, PgServer];
  user: ReturnType<typeof osUser>;
}

const pgCtl = (server: PgServer, user: ReturnType<typeof osUser>, ...args: string[]) =>
  run(path.join(BIN, "pg_ctl"), [...args, "-D", server.dataDir, "-w", "-t", "60"], user, 70_000);

export async function startPair(opts: { sync: boolean; names?: [string, string] }): Promise<Pair> {
  const user = osUser("postgres");
  const base = mkdtempSync("/tmp/ha-real-");
  if (user) chownSync(base, user.uid, user.gid);
  const [a, b] = opts.names ?? ["pg-1", "pg-2"];
  const nodes: [PgServer, PgServer] = [
    { name: a, port: await freePort(), dataDir: path.join(base, a) },
    { name: b, port: await freePort(), dataDir: path.join(base, b) },
  ];
  const [primary, standby] = nodes;
  await run(
    path.join(BIN, "initdb"),
    ["-D", primary.dataDir, "-U", "postgres", "--auth=trust", "--data-checksums", "-E", "UTF8", "--no-instructions"],
    user,
  );
  const conf = [
    `listen_addresses = '127.0.0.1'`,
    `port = ${primary.port}`,
    `unix_socket_directories = '${base}'`,
    "wal_level = replica",
    "max_wal_senders = 10",
    "wal_log_hints = on",
    "hot_standby = on",
    "wal_keep_size = '256MB'",
    "shared_buffers = '32MB'",
    "max_connections = 50",
  ].join("\n");
  appendFileSync(path.join(primary.dataDir, "postgresql.conf"), `\n${conf}\n`);
  await pgCtl(primary, user, "start", "-l", path.join(base, `${primary.name}.log`));
  await sql(
    primary.port,
    "CREATE ROLE replicator WITH REPLICATION LOGIN",
    "CREATE TABLE writes (n bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())",
  );
  await run(
    path.join(BIN, "pg_basebackup"),
    [
      "-h",
      "127.0.0.1",
      "-p",
      String(primary.port),
      "-U",
      "replicator",
      "-D",
      standby.dataDir,
      "-R",
      "-X",
      "stream",
      "--checkpoint=fast",
    ],
    user,
    120_000,
  );
  appendFileSync(
    path.join(standby.dataDir, "postgresql.auto.conf"),
    `port = ${standby.port}\n` +
      `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=replicator application_name=${standby.name}'\n`,
  );
  await pgCtl(standby, user, "start", "-l", path.join(base, `${standby.name}.log`));

  const haproxyPort = await freePort();
  const haproxy = startHaproxy(base, writeBackendSections("pg_write", haproxyPort, nodes));
  await waitStreaming(primary.port, standby.name);
  // Synchronous only once the standby streams: before, every commit would wait for it.
  if (opts.sync)
    await sql(
      primary.port,
      `ALTER SYSTEM SET synchronous_standby_names = '"${standby.name}"'`,
      "SELECT pg_reload_conf()",
    );

  const server = (name: string) => nodes.find((n) => n.name === name) ?? nodes[0];
  return {
    system: "postgresql",
    managedBy: "console",
    base,
    nodes,
    haproxy: { port: haproxyPort, socket: haproxy.socket, backend: "pg_write" },
    user,
    agentDriver: (i, peer) => ({
      driver: "postgresql",
      postgresql: {
        port: nodes[i].port,
        dataDir: nodes[i].dataDir,
        binDir: BIN,
        osUser: "postgres",
        replicationMode: opts.sync ? "sync" : "async",
        peers: [{ name: peer.name, host: "127.0.0.1", port: peer.port }],
        haproxy: { socket: haproxy.socket, backend: "pg_write" },
      },
    }),
    startWriter: () => startWriter(() => insertSession(haproxyPort)),
    async written(name) {
      const rows = await query<{ n: string }>(server(name).port, "SELECT n FROM writes");
      return new Set(rows.map((r) => Number(r.n)));
    },
    async kill(name) {
      await pgCtl(server(name), user, "stop", "-m", "immediate");
    },
    async stall(name, on) {
      const { pid } = await postmaster(server(name).dataDir);
      // SIGCONT goes to the postmaster's children too, as SIGSTOP did.
      if (pid !== null) await stall(on ? [pid] : await serverProcesses(pid), on);
    },
    async replicating(name) {
      const other = nodes.find((n) => n.name !== name)!;
      const rows = await query(
        other.port,
        "SELECT 1 FROM pg_stat_replication WHERE application_name = $1 AND state = 'streaming'",
        [name],
      );
      return rows.length === 1;
    },
    async stop() {
      try {
        haproxy.stop();
      } finally {
        for (const server of nodes) {
          // A stalled server must continue before it can stop.
          await run(
            "sh",
            [
              "-c",
              `pid=$(head -1 ${server.dataDir}/postmaster.pid 2>/dev/null) && pkill -CONT -P $pid; ` +
                "kill -CONT $pid 2>/dev/null; true",
            ],
            undefined,
          ).catch(() => undefined);
          await pgCtl(server, user, "stop", "-m", "immediate").catch(() => undefined);
        }
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

async function insertSession(port: number) {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "postgres",
    database: "postgres",
    connectionTimeoutMillis: 500,
    query_timeout: 1_000,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    write: async (n: number) => void (await client.query("INSERT INTO writes (n) VALUES ($1)", [n])),
    close: () => client.end(),
  };
}

/** One statement on the server at `port` of 127.0.0.1, as the postgres superuser. */
export async function query<T extends pg.QueryResultRow>(
  port: number,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function sql(port: number, ...statements: string[]) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

async function waitStreaming(port: number, standby: string) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    for (let i = 0; i < 200; i++) {
      const rows = await client.query(
        "SELECT 1 FROM pg_stat_replication WHERE application_name = $1 AND state = 'streaming'",
        [standby],
      );
      if (rows.rowCount) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${standby} is not streaming after 10 s`);
  } finally {
    await client.end();
  }
}
