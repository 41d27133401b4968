// The server process as the driver handles it: killed (a crash), shut down (a fence), started with
// the operator's command, stalled (SIGSTOP/SIGCONT); and read-only fencing with client sessions ended.
import { type OsUser, start } from "../postgresql/os-user.ts";
import { pidFileProcess } from "../postgresql/process.ts";
import type { MariadbConfig } from "./config.ts";
import { type Session, withServer } from "./session.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, ms: number, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${Math.round(ms / 1000)} s`);
    await sleep(50);
  }
}

const gone = async (config: MariadbConfig) => (await pidFileProcess(config.pidFile)).state === "absent";

export async function kill(config: MariadbConfig): Promise<string> {
  const server = await pidFileProcess(config.pidFile);
  if (server.pid === null) return "already stopped";
  process.kill(server.pid, "SIGKILL");
  await until("the server did not die", 10_000, () => gone(config));
  return `server ${server.pid} killed (SIGKILL)`;
}

export async function shutdown(config: MariadbConfig, sql: (work: (s: Session) => Promise<void>) => Promise<void>) {
  const server = await pidFileProcess(config.pidFile);
  if (server.pid === null) return "already stopped";
  if (server.state === "stopped") process.kill(server.pid, "SIGCONT");
  await sql((session) => session.run("SHUTDOWN"));
  await until("the server did not shut down", 60_000, () => gone(config));
  return "shut down";
}

/** Starts the server with the operator's command and waits until it answers SQL. */
export async function startServer(config: MariadbConfig, user: OsUser | undefined, extra: string[] = []) {
  if (!(await gone(config))) return "already running";
  if (!config.startCommand) throw new Error("no startCommand configured to start the server with");
  const [file, ...args] = config.startCommand;
  let failed: Error | null = null;
  const child = start(file!, [...args, ...extra], user).on("error", (error) => (failed = error));
  child.unref();
  await until("the server did not answer", 60_000, async () => {
    if (failed) throw new Error(`${file}: ${failed.message}`);
    return withServer(config, (s) => s.run("SELECT 1")).then(
      () => true,
      () => false,
    );
  });
  return extra.length ? `started (${extra.join(" ")})` : "started";
}

/** SIGSTOP or SIGCONT the server: one process, its threads stop with it. */
export function signal(pid: number, stop: boolean): void {
  try {
    process.kill(pid, stop ? "SIGSTOP" : "SIGCONT");
  } catch {
    // A process that ended meanwhile needs no signal.
  }
}

/**
 * read_only stops every client write except those of users with READ_ONLY ADMIN (MariaDB) or SUPER
 * (MySQL, where super_read_only stops those too); sessions already open are ended, replication
 * threads and the agent's own session kept.
 */
export async function setReadOnly(session: Session, on: boolean, mariadb: boolean): Promise<string> {
  if (!on) {
    if (!mariadb) await session.run("SET GLOBAL super_read_only = OFF");
    await session.run("SET GLOBAL read_only = OFF");
    return "unfenced: writes are accepted";
  }
  await session.run("SET GLOBAL read_only = ON");
  if (!mariadb) await session.run("SET GLOBAL super_read_only = ON");
  const clients = await session.rows(
    `SELECT ID AS id FROM information_schema.PROCESSLIST
      WHERE ID <> CONNECTION_ID() AND USER NOT IN ('system user', 'event_scheduler')
        AND COMMAND NOT IN ('Binlog Dump', 'Binlog Dump GTID', 'Daemon')`,
  );
  let ended = 0;
  for (const { id } of clients)
    await session.run(`KILL CONNECTION ${Number(id)}`).then(
      () => ended++,
      () => undefined, // a session that ended meanwhile
    );
  return `fenced: read-only, ${ended} sessions ended`;
}
