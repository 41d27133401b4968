// PostgreSQL's own programs for what the driver does to the server: stop (immediate for a crash,
// fast for a fence), start, stall (SIGSTOP/SIGCONT), read-only fencing, and demotion to a
// standby of another node (pg_rewind when the timelines diverged, standby.signal, start).
import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { PostgresqlConfig } from "./config.ts";
import { run, type OsUser } from "./os-user.ts";
import { postmaster, serverProcesses } from "./process.ts";

const bin = (config: PostgresqlConfig, program: string) => path.join(config.binDir, program);
const logFile = (config: PostgresqlConfig) => path.join(config.dataDir, "agent-server.log");

export async function crash(
  config: PostgresqlConfig,
  user: OsUser | undefined,
  mode: "immediate" | "fast",
): Promise<string> {
  if ((await postmaster(config.dataDir)).state === "absent") return "already stopped";
  await run(bin(config, "pg_ctl"), ["stop", "-D", config.dataDir, "-m", mode, "-w", "-t", "30"], user);
  return mode === "immediate" ? "stopped immediately (crash)" : "shut down";
}

/** The server's own last words, for an operator reading why a start failed. */
async function logTail(config: PostgresqlConfig, lines = 6): Promise<string> {
  const text = await readFile(logFile(config), "utf8").catch(() => "");
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

export async function startServer(config: PostgresqlConfig, user: OsUser | undefined): Promise<string> {
  try {
    await run(
      bin(config, "pg_ctl"),
      ["start", "-D", config.dataDir, "-l", logFile(config), "-w", "-t", "60"],
      user,
      70_000,
    );
  } catch (error) {
    const tail = await logTail(config);
    throw new Error(`${error instanceof Error ? error.message : String(error)}${tail ? `\nserver log:\n${tail}` : ""}`);
  }
  return "started";
}

/** SIGSTOP the postmaster and every process it started, or SIGCONT them; returns the pids. */
export async function stall(pids: number[], stop: boolean): Promise<number[]> {
  const all = stop ? (await Promise.all(pids.map(serverProcesses))).flat() : pids;
  for (const pid of all) {
    try {
      process.kill(pid, stop ? "SIGSTOP" : "SIGCONT");
    } catch {
      // A process that ended meanwhile needs no signal.
    }
  }
  return all;
}

const AUTO_CONF = (config: PostgresqlConfig) => path.join(config.dataDir, "postgresql.auto.conf");

/** Rewrites postgresql.auto.conf without the given settings (the server is down: no ALTER SYSTEM). */
async function dropSettings(config: PostgresqlConfig, names: string[]) {
  const text = await readFile(AUTO_CONF(config), "utf8").catch(() => "");
  const kept = text
    .split("\n")
    .filter((line) => !names.some((name) => line.trim().startsWith(`${name} `) || line.trim().startsWith(`${name}=`)));
  await writeFile(AUTO_CONF(config), kept.join("\n"));
}

export async function setReadOnly(
  config: PostgresqlConfig,
  on: boolean,
  sql: <T>(work: (client: pg.Client) => Promise<T>) => Promise<T>,
): Promise<string> {
  if ((await postmaster(config.dataDir)).state !== "running") {
    // Down: it must come back read-only (or writable again), whoever starts it.
    await dropSettings(config, ["default_transaction_read_only"]);
    if (on) await appendFile(AUTO_CONF(config), "default_transaction_read_only = 'on'\n");
    return on ? "fenced while down: it starts read-only" : "unfenced while down: it starts writable";
  }
  return sql(async (client) => {
    await client.query(
      on ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only",
    );
    await client.query("SELECT pg_reload_conf()");
    if (!on) return "unfenced: writes are accepted";
    const ended = await client.query(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    return `fenced: read-only, ${ended.rows[0]?.n ?? 0} sessions ended`;
  });
}

/** Configuration files a data directory may hold, which pg_rewind would take from the source. */
const CONFIGURATION = ["postgresql.conf", "postgresql.auto.conf", "pg_hba.conf", "pg_ident.conf"];

async function keepConfiguration(config: PostgresqlConfig): Promise<{ restore(): Promise<void> }> {
  const kept = await Promise.all(
    CONFIGURATION.map(async (name) => ({
      file: path.join(config.dataDir, name),
      text: await readFile(path.join(config.dataDir, name)).catch(() => null),
    })),
  );
  return {
    async restore() {
      await Promise.all(
        kept.map(({ file, text }) => (text === null ? rm(file, { force: true }) : writeFile(file, text))),
      );
    },
  };
}

export async function demote(
  config: PostgresqlConfig,
  user: OsUser | undefined,
  upstream: { name: string; host: string; port: number },
  applicationName: string,
): Promise<string> {
  const steps: string[] = [];
  if ((await postmaster(config.dataDir)).state !== "absent") {
    await run(bin(config, "pg_ctl"), ["stop", "-D", config.dataDir, "-m", "fast", "-w", "-t", "30"], user);
    steps.push("stopped");
  }
  const source =
    `host=${upstream.host} port=${upstream.port} user=${config.user} dbname=${config.database}` +
    (config.password ? ` password=${config.password}` : "");
  // pg_rewind finishes a crashed server's recovery itself (single-user mode, which refuses to run
  // with a signal file left by a start that was cut short), and says so when no rewind is needed.
  await Promise.all(
    ["standby.signal", "recovery.signal"].map((name) => rm(path.join(config.dataDir, name), { force: true })),
  );
  // A rewind copies the source's configuration files over this node's (its port, its settings):
  // this node's own are put back, as Patroni does.
  const own = await keepConfiguration(config);
  const rewind = await run(
    bin(config, "pg_rewind"),
    ["--target-pgdata", config.dataDir, "--source-server", source],
    user,
    300_000,
  ).finally(() => own.restore());
  steps.push(/no rewind required/i.test(rewind.stdout + rewind.stderr) ? "no rewind needed" : "rewound");
  await dropSettings(config, ["primary_conninfo", "default_transaction_read_only"]);
  const password = config.replicationPassword ? ` password=${config.replicationPassword}` : "";
  await appendFile(
    AUTO_CONF(config),
    `primary_conninfo = 'host=${upstream.host} port=${upstream.port} user=${config.replicationUser}${password} ` +
      `application_name=${applicationName}'\n`,
  );
  await writeFile(path.join(config.dataDir, "standby.signal"), "");
  await startServer(config, user);
  steps.push(`started as a standby of ${upstream.name}`);
  return steps.join(", ");
}
