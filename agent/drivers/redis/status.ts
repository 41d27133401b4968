// A Redis node's status by layer: TCP, the server process, PING/ROLE/INFO replication, the link of
// a replica to its master, an optional business command, and on a master whether it takes writes;
// its role and replication; its peers as TCP and, when Sentinel watches the pair, as Sentinel sees them.
import type { AgentStatus } from "../../protocol.ts";
import type { NodeIdentity } from "../driver.ts";
import { networkCheck, processCheck, statusDocument } from "../layer-checks.ts";
import { tcpCheck } from "../postgresql/tcp.ts";
import type { RedisConfig } from "./config.ts";
import { lagBytes, type ReplicationInfo, replicaLag } from "./info.ts";
import { serverProcess } from "./process.ts";
import { addressOf, minReplicasToWrite, readReplication, writesPaused } from "./probe.ts";
import { type RedisConnection, withRedis } from "./resp.ts";
import { type Address, sameAddress, sentinelView, type SentinelView } from "./sentinel.ts";

type Check = NonNullable<AgentStatus["checks"]>[number];
type Replication = NonNullable<AgentStatus["replication"]>;

const since = (started: number) => Math.round((performance.now() - started) * 100) / 100;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A node's name from its address: this one's, a peer's, or the address itself for one the config does not know. */
export const namer = (self: string, config: RedisConfig) => (at: Address) =>
  sameAddress(at, config) ? self : (config.peers.find((p) => sameAddress(at, p))?.name ?? `${at.host}:${at.port}`);

export async function readStatus(identity: NodeIdentity, config: RedisConfig): Promise<AgentStatus> {
  const { host, port, connectTimeoutMs: timeout } = config;
  const [tcp, server, peers, sentinel] = await Promise.all([
    tcpCheck(host, port, timeout),
    serverProcess(config.pidFile),
    Promise.all(config.peers.map(async (peer) => ({ peer, ...(await tcpCheck(peer.host, peer.port, timeout)) }))),
    config.sentinel ? sentinelView(config.sentinel, timeout) : Promise.resolve(undefined),
  ]);
  const checks: Check[] = [
    networkCheck(tcp),
    processCheck("redis-server", server, `no redis-server running (${config.pidFile})`),
  ];
  const nameOf = namer(identity.name, config);
  let replication: Replication | undefined;
  let role: AgentStatus["role"] = "unknown";
  if (tcp.ok && server.state === "running") {
    try {
      const seen = await withRedis(addressOf(config), timeout, async (redis) => {
        const started = performance.now();
        await redis.command(["PING"]);
        const [kind] = (await redis.command(["ROLE"])) as string[];
        checks.push({ layer: "application", name: "ping", ok: true, latencyMs: since(started), detail: "PING, ROLE" });
        const info = await readReplication(redis);
        if (config.businessCommand) checks.push(await business(config.businessCommand, redis));
        if (kind !== "master" || info.role !== "master") return { info, required: 0, paused: false };
        const [required, paused] = await Promise.all([minReplicasToWrite(redis), writesPaused(config, redis)]);
        return { info, required, paused };
      });
      const { info } = seen;
      role = info.role === "master" ? "primary" : "standby";
      if (info.role === "master") {
        checks.push(writable(seen.paused, seen.required, info.goodReplicas));
        replication = {
          ...(config.replicationMode ? { mode: config.replicationMode } : {}),
          standbys: info.replicas.map((r) => ({
            name: nameOf(r),
            state: r.state,
            syncState: seen.required >= 1 ? "sync" : "async",
            lagBytes: lagBytes(info.offset, r.offset),
          })),
        };
      } else {
        const upstream = nameOf({ host: info.masterHost, port: info.masterPort });
        const masterOffset = await upstreamOffset(config, info);
        checks.push(await link(info, upstream, timeout));
        replication = {
          upstream,
          ...(config.replicationMode ? { mode: config.replicationMode } : {}),
          ...replicaLag(info, masterOffset),
        };
      }
    } catch (error) {
      // Past PING and ROLE, what failed is the reading of its replication or of its writability.
      const name = checks.some((c) => c.name === "ping") ? "info" : "ping";
      checks.push({ layer: "application", name, ok: false, detail: message(error) });
    }
  }
  if (config.sentinel) checks.push(sentinelCheck(sentinel ?? null, nameOf));
  return {
    ...statusDocument(identity, role, checks),
    ...(replication ? { replication } : {}),
    peers: peers.map(({ peer, ok, latencyMs, refused }) => {
      // Sentinel's word that a peer is down outweighs a port that still accepts connections.
      const down = sentinel?.servers.some((s) => s.down && sameAddress(peer, s)) ?? false;
      if (ok && !down) return { node: peer.name, reachable: true, latencyMs };
      return { node: peer.name, reachable: false, ...(refused ? { refused: true } : {}) };
    }),
  };
}

async function business(argv: string[], redis: RedisConnection): Promise<Check> {
  const started = performance.now();
  try {
    await redis.command(argv);
    return { layer: "business", name: "command", ok: true, latencyMs: since(started), detail: argv[0] };
  } catch (error) {
    return { layer: "business", name: "command", ok: false, detail: `${argv[0]}: ${message(error)}` };
  }
}

function writable(paused: boolean, required: number, good: number | null): Check {
  if (paused) return { layer: "business", name: "writable", ok: false, detail: "fenced: CLIENT PAUSE WRITE in force" };
  if (required > 0 && (good ?? 0) < required)
    return {
      layer: "business",
      name: "writable",
      ok: false,
      detail: `writes refused: min-replicas-to-write ${required}, ${good ?? 0} replicas within min-replicas-max-lag`,
    };
  return { layer: "business", name: "writable", ok: true };
}

/**
 * The master's own offset, asked of it; null when it cannot be (then the replica's own figures
 * serve). Half the connect timeout: a stalled master accepts the connection and never answers, and
 * the replica's own poll must not miss its deadline for it.
 */
async function upstreamOffset(config: RedisConfig, info: Extract<ReplicationInfo, { role: "replica" }>) {
  if (!info.linkUp) return null;
  const master = addressOf(config, { host: info.masterHost, port: info.masterPort });
  return withRedis(master, Math.max(50, config.connectTimeoutMs / 2), readReplication).then(
    (seen) => seen.offset,
    () => null,
  );
}

/**
 * A replica's link to its master. Down while the master is unreachable, it is what a failover
 * target looks like (it keeps what it had; its lag says how much): not a failure of this node.
 * Down while the master answers, this replica cannot follow it: not fit to take over.
 */
async function link(info: Extract<ReplicationInfo, { role: "replica" }>, upstream: string, timeout: number) {
  const name = "replication";
  if (info.linkUp) return { layer: "application", name, ok: true, detail: `link to ${upstream} up` } as const;
  const down = `link to ${upstream} down${info.downSeconds === null ? "" : ` for ${info.downSeconds} s`}`;
  if (info.syncing) return { layer: "application", name, ok: false, detail: `${down}: full sync in progress` } as const;
  const master = await tcpCheck(info.masterHost, info.masterPort, timeout);
  return master.ok
    ? ({ layer: "application", name, ok: false, detail: `${down} while ${upstream} answers` } as const)
    : ({ layer: "application", name, ok: true, detail: `${down}: ${upstream} is unreachable` } as const);
}

function sentinelCheck(view: SentinelView | null, nameOf: (at: Address) => string): Check {
  if (!view) return { layer: "application", name: "sentinel", ok: false, detail: "no sentinel answered" };
  const master = view.master ? nameOf(view.master) : "no master";
  return {
    layer: "application",
    name: "sentinel",
    ok: true,
    detail: `Sentinel names ${master} master (${view.reachable} sentinel${view.reachable === 1 ? "" : "s"} answer)`,
  };
}
