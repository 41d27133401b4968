// A redis-server started for a test from a config file of its own in the test's folder, on
// 127.0.0.1 and a free port, without persistence; a command or two sent to it; waits on it.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseInfo } from "../agent/drivers/redis/info.ts";
import { type Reply, withRedis } from "../agent/drivers/redis/resp.ts";
import { freePort } from "../server/db/free-port.ts";

export interface RedisServer {
  name: string;
  port: number;
  pidFile: string;
  /** How its agent starts it again: the same program and config file. */
  startCommand: string[];
}

/** redis-server or redis-sentinel, daemonized from a config file of its own on a free port of 127.0.0.1. */
export async function startDaemon(dir: string, name: string, program: string, lines: string[]) {
  const port = await freePort();
  const pidFile = path.join(dir, `${name}.pid`);
  const conf = path.join(dir, `${name}.conf`);
  const common = ["bind 127.0.0.1", "daemonize yes", `pidfile ${pidFile}`, `logfile ${path.join(dir, `${name}.log`)}`];
  writeFileSync(conf, [`port ${port}`, ...common, `dir ${dir}`, ...lines, ""].join("\n"));
  execFileSync(program, [conf]);
  return { port, pidFile, startCommand: [program, conf] };
}

export async function startRedis(dir: string, name: string): Promise<RedisServer> {
  const server = await startDaemon(dir, name, "redis-server", [
    `dbfilename ${name}.rdb`,
    'save ""',
    "appendonly no",
    // A full sync at once, not five seconds later: a rejoining node follows within the test's time.
    "repl-diskless-sync-delay 0",
  ]);
  await waitUntil(10_000, `${name} answers PING`, async () => (await redis(server.port, "PING")) === "PONG");
  return { name, ...server };
}

export function redis(port: number, ...argv: string[]): Promise<Reply> {
  return withRedis({ host: "127.0.0.1", port }, 2_000, (connection) => connection.command(argv));
}

export async function waitUntil(ms: number, what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ready().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not within ${ms / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** INFO replication as fields. */
export async function replicationFields(port: number): Promise<Record<string, string>> {
  return parseInfo(String(await redis(port, "INFO", "replication")));
}

export const pidOf = (server: { pidFile: string }) => {
  const pid = Number(readFileSync(server.pidFile, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
};

/** Continued (a stalled one cannot die otherwise) and killed; whatever happened to it before. */
export function killRedis(server: { pidFile: string }) {
  let pid: number | null = null;
  try {
    pid = pidOf(server);
  } catch {
    return;
  }
  for (const signal of ["SIGCONT", "SIGKILL"] as const) {
    try {
      if (pid) process.kill(pid, signal);
    } catch {
      // Gone already.
    }
  }
}
