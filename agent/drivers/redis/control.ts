// The server's life as the driver changes it: started with the configured command, shut down
// (SHUTDOWN NOSAVE, a fence), killed (SIGKILL, a crash), and waits bounded by a deadline.
import { spawn } from "node:child_process";
import path from "node:path";
import type { RedisConfig } from "./config.ts";
import { addressOf } from "./probe.ts";
import { serverProcess, signal } from "./process.ts";
import { ReplyError, withRedis } from "./resp.ts";
import type { Address } from "./sentinel.ts";

/** Polls `ready` every 100 ms until it says yes or `ms` pass; whether it said yes. */
export async function until(ms: number, ready: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await ready().catch(() => false)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const START_MS = 30_000;

/**
 * Starts the server and waits until it answers PING (not -LOADING): up, its data loaded. One that is
 * to follow a master is started as its replica where the command is redis-server's own (a directive
 * given as an argument): it never claims master, not even for the moment before a REPLICAOF.
 */
export async function startServer(config: RedisConfig, replicaOf: Address | null = null): Promise<string> {
  const command = config.startCommand;
  if (!command) throw new Error("redis-server is not running and no startCommand is configured to start it");
  const follows = replicaOf !== null && path.basename(command[0]!) === "redis-server";
  const argv = follows ? [...command, "--replicaof", replicaOf.host, String(replicaOf.port)] : command;
  let exited: string | null = null;
  const child = spawn(argv[0]!, argv.slice(1), { detached: true, stdio: "ignore" });
  child.on("error", (error) => (exited = error.message));
  // With daemonize yes the command returns at once with 0; anything else is its failure.
  child.on("exit", (code) => (exited = code ? `${argv[0]} exited with ${code}` : exited));
  child.unref();
  const up = await until(START_MS, async () => {
    if (exited) return true;
    return withRedis(addressOf(config), config.connectTimeoutMs, async (redis) => {
      await redis.command(["PING"]);
      return true;
    });
  });
  if (exited) throw new Error(`could not start redis-server: ${exited}`);
  if (!up) throw new Error(`started ${argv.join(" ")}, but it did not answer PING within ${START_MS / 1000} s`);
  return "started";
}

export async function crash(config: RedisConfig): Promise<string> {
  const server = await serverProcess(config.pidFile);
  if (!signal(server.pid, "SIGKILL")) return "already stopped";
  // Its pid file stays behind, naming a pid that is gone: the process check says so.
  await until(5_000, async () => (await serverProcess(config.pidFile)).state === "absent");
  return `killed redis-server ${server.pid} (SIGKILL)`;
}

/** SHUTDOWN NOSAVE: Redis 7 first waits (shutdown-timeout) for lagging replicas, writes paused. */
export async function shutdown(config: RedisConfig): Promise<string> {
  const server = await serverProcess(config.pidFile);
  if (server.state === "absent") return "already stopped";
  await withRedis(addressOf(config), 20_000, (redis) => redis.command(["SHUTDOWN", "NOSAVE"])).catch((error) => {
    // The answer to a shutdown that worked is a closed connection.
    if (error instanceof ReplyError) throw error;
  });
  if (await until(15_000, async () => (await serverProcess(config.pidFile)).state === "absent"))
    return "shut down (SHUTDOWN NOSAVE)";
  signal(server.pid, "SIGTERM");
  return `SHUTDOWN NOSAVE did not end it: sent SIGTERM to ${server.pid}`;
}
