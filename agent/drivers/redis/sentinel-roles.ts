// Promote and demote of a node Sentinel manages: the driver never runs REPLICAOF itself (Sentinel
// would undo it, or fight it); it asks Sentinel to fail over and follows what Sentinel decided.
import type { ActionOutcome } from "../driver.ts";
import type { RedisConfig, SentinelConfig } from "./config.ts";
import { until } from "./control.ts";
import { readReplication } from "./probe.ts";
import { onServer } from "./roles.ts";
import { type Address, askFailover, sameAddress, sentinelMaster } from "./sentinel.ts";

/** How long a promote waits for Sentinel's failover to name this node and for it to be master. */
const FAILOVER_WAIT_MS = 30_000;

const isMaster = (config: RedisConfig) =>
  onServer(config, async (redis) => (await readReplication(redis)).role === "master");

/** `writer`: this node made HAProxy's only writer, once it is master. */
export async function promoteBySentinel(
  config: RedisConfig & { sentinel: SentinelConfig },
  nameOf: (at: Address) => string,
  writer: () => Promise<string>,
): Promise<ActionOutcome> {
  const timeout = config.connectTimeoutMs;
  const before = await sentinelMaster(config.sentinel, timeout);
  if (sameAddress(before, config) && (await isMaster(config)))
    return { status: "done", detail: `already primary (Sentinel's master)${await writer()}` };
  const via = await askFailover(config.sentinel, timeout);
  let named: Address | null = before;
  const moved = await until(FAILOVER_WAIT_MS, async () => {
    named = await sentinelMaster(config.sentinel, timeout);
    if (named && !sameAddress(named, config) && !sameAddress(before, named)) return true;
    return sameAddress(named, config) && (await isMaster(config));
  });
  const chosen = named as Address | null;
  if (chosen && !sameAddress(chosen, config) && !sameAddress(before, chosen))
    return { status: "failed", detail: `Sentinel chose ${nameOf(chosen)}` };
  if (!moved)
    return {
      status: "failed",
      detail:
        `asked Sentinel ${via.host}:${via.port} to fail over; within ${FAILOVER_WAIT_MS / 1000} s it still ` +
        `names ${chosen ? nameOf(chosen) : "no master"} master`,
    };
  // A node fenced earlier takes writes once Sentinel made it master.
  await onServer(config, (redis) => redis.command(["CLIENT", "UNPAUSE"]));
  return { status: "done", detail: `Sentinel failed over to ${nameOf(config)}${await writer()}` };
}

/** Sentinel reconfigures replicas itself: done only when this node already follows Sentinel's master. */
export async function demoteBySentinel(
  config: RedisConfig & { sentinel: SentinelConfig },
  nameOf: (at: Address) => string,
): Promise<ActionOutcome> {
  const master = await sentinelMaster(config.sentinel, config.connectTimeoutMs);
  const info = await onServer(config, readReplication);
  const upstream = info.role === "replica" ? { host: info.masterHost, port: info.masterPort } : null;
  if (master && upstream && sameAddress(master, upstream))
    return { status: "done", detail: `already a replica of ${nameOf(master)} (Sentinel's master)` };
  return {
    status: "unsupported",
    detail:
      `Sentinel reconfigures replicas itself (it names ${master ? nameOf(master) : "no master"} master); ` +
      "this agent does not run REPLICAOF on a Sentinel-managed node",
  };
}
