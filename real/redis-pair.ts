// A real Redis 7.0 master with a replica and HAProxy in front, on 127.0.0.1 in a temp directory:
// what the real Redis tests and `npm run drill:real` fail over. Sync mode: min-replicas-to-write 1
// on the master, and the writer counts a write only once WAIT says a replica has it. Sentinel mode
// (startSentinelPair): three sentinels watch the pair, and the agents ask them to fail over.
import { mkdtempSync, rmSync } from "node:fs";
import { connectRedis } from "../agent/drivers/redis/resp.ts";
import { freePort } from "../server/db/free-port.ts";
import { startHaproxy, writeBackendSections } from "./haproxy.ts";
import { killRedis, pidOf, redis, replicationFields, startRedis, waitUntil } from "./redis-server.ts";
import { startSentinels, type Sentinels } from "./redis-sentinels.ts";
import type { RealPair, StartPair } from "./system.ts";
import { startWriter, type WriteSession } from "./writer.ts";

const BACKEND = "redis_write";
const MASTER_NAME = "real-pair";

async function startRedisPair(opts: { sync: boolean; names?: [string, string]; sentinels?: boolean }) {
  const base = mkdtempSync("/tmp/ha-redis-");
  const [a, b] = opts.names ?? ["redis-1", "redis-2"];
  const nodes = [await startRedis(base, a), await startRedis(base, b)] as const;
  const [primary, replica] = nodes;
  await redis(replica.port, "REPLICAOF", "127.0.0.1", String(primary.port));
  await waitUntil(
    20_000,
    `${b} replicates`,
    async () => (await replicationFields(replica.port)).master_link_status === "up",
  );
  // Synchronous only once the replica is online: before, every write would be refused.
  if (opts.sync) await redis(primary.port, "CONFIG", "SET", "min-replicas-to-write", "1");
  const sentinels: Sentinels | null = opts.sentinels ? await startSentinels(base, MASTER_NAME, primary.port) : null;
  const haproxyPort = await freePort();
  const haproxy = startHaproxy(base, writeBackendSections(BACKEND, haproxyPort, [primary, replica]));
  const server = (name: string) => nodes.find((n) => n.name === name) ?? nodes[0];
  const pair: RealPair = {
    system: "redis",
    managedBy: sentinels ? "sentinel" : "console",
    nodes: [primary, replica],
    haproxy: { port: haproxyPort, socket: haproxy.socket, backend: BACKEND },
    agentDriver: (i, peer) => ({
      driver: "redis",
      redis: {
        port: nodes[i].port,
        pidFile: nodes[i].pidFile,
        startCommand: nodes[i].startCommand,
        replicationMode: opts.sync ? "sync" : "async",
        peers: [{ name: peer.name, host: "127.0.0.1", port: peer.port }],
        haproxy: { socket: haproxy.socket, backend: BACKEND },
        ...(sentinels ? { sentinel: { hosts: sentinels.hosts, masterName: MASTER_NAME } } : {}),
      },
    }),
    startWriter: () => startWriter(() => writeSession(haproxyPort, opts.sync)),
    async written(name) {
      const keys = await redis(server(name).port, "KEYS", "writes:*");
      return new Set((Array.isArray(keys) ? keys : []).map((key) => Number(String(key).slice("writes:".length))));
    },
    async kill(name) {
      killRedis(server(name));
    },
    async stall(name, on) {
      const pid = pidOf(server(name));
      if (pid) process.kill(pid, on ? "SIGSTOP" : "SIGCONT");
    },
    async replicating(name) {
      const other = nodes.find((n) => n.name !== name)!;
      const info = await replicationFields(server(name).port);
      return info.master_port === String(other.port) && info.master_link_status === "up";
    },
    async stop() {
      try {
        haproxy.stop();
        sentinels?.stop();
      } finally {
        for (const node of nodes) killRedis(node);
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
  return pair;
}

/**
 * One connection through HAProxy, open once the server behind it answered PING within 500 ms (as
 * the PostgreSQL writer's connection timeout covers its startup); in sync mode a write counts once
 * WAIT says a replica has it.
 */
async function writeSession(port: number, sync: boolean): Promise<WriteSession> {
  const connection = await connectRedis({ host: "127.0.0.1", port }, 1_000);
  await connection.command(["PING"], 500).catch((error) => {
    connection.close();
    throw error;
  });
  return {
    async write(n) {
      await connection.command(["SET", `writes:${n}`, String(n)]);
      if (!sync) return;
      const replicas = await connection.command(["WAIT", "1", "500"]);
      if (Number(replicas) < 1) throw new Error(`write ${n}: no replica acknowledged it within 500 ms`);
    },
    close: async () => connection.close(),
  };
}

export const startPair: StartPair = (opts) => startRedisPair(opts);
export const startSentinelPair: StartPair = (opts) => startRedisPair({ ...opts, sentinels: true });
