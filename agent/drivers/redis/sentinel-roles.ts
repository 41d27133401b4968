// Promote and demote of a node Sentinel manages: the driver never chooses a master (Sentinel would
// undo it, or fight it); it asks Sentinel to fail over and follows what Sentinel decided, making a
// node the replica of Sentinel's master only where Sentinel's own conversion cannot reach it.
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

/**
 * Asks Sentinel to fail over to this node (SENTINEL FAILOVER; a refusal such as -NOGOODSLAVE, said
 * while Sentinel's view of a just-lost master is still settling, is asked again) and waits until
 * Sentinel names this node master and it is one. `writer`: this node made HAProxy's only writer.
 * `follow`: the console follows a failover Sentinel made: nothing is asked of Sentinel, and a node
 * Sentinel does not name master is left alone.
 */
export async function promoteBySentinel(
  config: RedisConfig & { sentinel: SentinelConfig },
  nameOf: (at: Address) => string,
  writer: () => Promise<string>,
  follow: boolean,
): Promise<ActionOutcome> {
  const timeout = config.connectTimeoutMs;
  const before = await sentinelMaster(config.sentinel, timeout);
  if (sameAddress(before, config) && (await isMaster(config))) {
    // Sentinel's master takes writes: a fence's pause from before (a switchover rolled back) ends.
    await onServer(config, (redis) => redis.command(["CLIENT", "UNPAUSE"]));
    return { status: "done", detail: `already primary (Sentinel's master)${await writer()}` };
  }
  if (follow) {
    const names = before ? nameOf(before) : "no master";
    return { status: "failed", detail: `Sentinel names ${names} master, not this node: nothing done` };
  }
  const other = (at: Address | null) => at !== null && !sameAddress(at, config) && !sameAddress(before, at);
  let named: Address | null = before;
  let asked: Address | null = null;
  let refusal = "";
  const moved = await until(FAILOVER_WAIT_MS, async () => {
    named = await sentinelMaster(config.sentinel, timeout);
    if (other(named)) return true;
    if (sameAddress(named, config)) return isMaster(config);
    if (!asked)
      asked = await askFailover(config.sentinel, timeout).catch((error: Error) => {
        refusal = error.message;
        return null;
      });
    return false;
  });
  const chosen = named as Address | null;
  if (other(chosen)) return { status: "failed", detail: `Sentinel chose ${chosen ? nameOf(chosen) : ""}` };
  if (!moved) {
    const via = asked as Address | null;
    const ask = via
      ? `asked Sentinel ${via.host}:${via.port} to fail over`
      : `Sentinel refused to fail over (${refusal})`;
    const names = chosen ? nameOf(chosen) : "no master";
    return { status: "failed", detail: `${ask}; within ${FAILOVER_WAIT_MS / 1000} s it still names ${names} master` };
  }
  // A node fenced earlier takes writes once Sentinel made it master.
  await onServer(config, (redis) => redis.command(["CLIENT", "UNPAUSE"]));
  return { status: "done", detail: `Sentinel failed over to ${nameOf(config)}${await writer()}` };
}

/**
 * Sentinel reconfigures replicas itself: done once this node follows Sentinel's master. A former
 * master that comes back is turned into a replica by Sentinel within seconds: waited for, bounded;
 * one still master while Sentinel names another is made that one's replica (never a master of its own).
 */
export async function demoteBySentinel(
  config: RedisConfig & { sentinel: SentinelConfig },
  nameOf: (at: Address) => string,
): Promise<ActionOutcome> {
  let master: Address | null = await sentinelMaster(config.sentinel, config.connectTimeoutMs);
  const elsewhere = master;
  if (elsewhere && !sameAddress(elsewhere, config) && (await isMaster(config)))
    // A master fenced by a switchover (writes paused, off the write path) would keep Sentinel's own
    // conversion waiting: the agent makes it the replica Sentinel names, as Sentinel would.
    await onServer(config, (redis) => redis.command(["REPLICAOF", elsewhere.host, String(elsewhere.port)]));
  const follows = await until(config.demoteWaitMs, async () => {
    master = await sentinelMaster(config.sentinel, config.connectTimeoutMs);
    const info = await onServer(config, readReplication);
    return info.role === "replica" && sameAddress(master, { host: info.masterHost, port: info.masterPort });
  });
  const named = master as Address | null;
  if (follows && named) {
    // A replica held by a fence's pause would not apply its master's stream.
    await onServer(config, (redis) => redis.command(["CLIENT", "UNPAUSE"]));
    return { status: "done", detail: `a replica of ${nameOf(named)} (Sentinel's master)` };
  }
  return {
    status: "unsupported",
    detail:
      `Sentinel reconfigures replicas itself (it names ${named ? nameOf(named) : "no master"} master, and did not ` +
      `make this node its replica within ${config.demoteWaitMs / 1000} s); ` +
      "this agent makes a Sentinel-managed node a replica only of the master Sentinel names",
  };
}

/** The master Sentinel names, when it is another node: whom a server this agent starts follows from the start. */
export async function sentinelMasterElsewhere(config: RedisConfig & { sentinel: SentinelConfig }) {
  const master = await sentinelMaster(config.sentinel, config.connectTimeoutMs);
  return master && !sameAddress(master, config) ? master : null;
}
