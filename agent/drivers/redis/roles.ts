// Who is master, changed by the driver: promote (REPLICAOF NO ONE) and demote (REPLICAOF host
// port). A former master demoted to follow its own replica first waits, writes paused, until that
// replica has everything it wrote: following a replica that lacks writes would throw them away.
import type { RedisConfig } from "./config.ts";
import { until } from "./control.ts";
import { addressOf, readReplication } from "./probe.ts";
import { type RedisConnection, ReplyError, withRedis } from "./resp.ts";
import { sameAddress } from "./sentinel.ts";

/** A fence's pause: a year, i.e. until unfenced, promoted or demoted. */
export const FENCE_PAUSE_MS = 365 * 24 * 3600 * 1000;
/** Long enough for REPLICAOF, CONFIG and CLIENT; waits have their own deadlines. */
export const ACTION_COMMAND_MS = 10_000;

type Peer = RedisConfig["peers"][number];

export function onServer<T>(config: RedisConfig, work: (redis: RedisConnection) => Promise<T>): Promise<T> {
  return withRedis(addressOf(config), ACTION_COMMAND_MS, work);
}

/**
 * CONFIG REWRITE, so that a restart keeps the role just given (as Sentinel does); a server started
 * without a config file has none to rewrite, and says so.
 */
export async function keepRole(redis: RedisConnection) {
  await redis.command(["CONFIG", "REWRITE"]).catch((error) => {
    if (!(error instanceof ReplyError)) throw error;
  });
}

/** REPLICAOF NO ONE, and writes no longer paused: a node fenced earlier must take writes once promoted. */
export function promoteServer(config: RedisConfig): Promise<string> {
  return onServer(config, async (redis) => {
    const info = await readReplication(redis);
    if (info.role === "replica") {
      await redis.command(["REPLICAOF", "NO", "ONE"]);
      await keepRole(redis);
    }
    await redis.command(["CLIENT", "UNPAUSE"]);
    return info.role === "replica" ? "promoted (REPLICAOF NO ONE)" : "already primary";
  });
}

/** The peer's offset as it has applied it (a master's own offset if it is one). */
const appliedBy = (config: RedisConfig, peer: Peer) =>
  withRedis(addressOf(config, peer), config.connectTimeoutMs, readReplication).then((info) => info.offset);

/**
 * Makes this server a replica of `peer` and waits for the link to come up. A master whose replica
 * `peer` is pauses writes until `peer` has applied its offset (at most demoteWaitMs), or stays master
 * and takes writes again.
 * Its pause ends with the demotion: a replica paused for writes would not apply its master's stream.
 */
export function demoteServer(config: RedisConfig, peer: Peer): Promise<string> {
  return onServer(config, async (redis) => {
    const before = await readReplication(redis);
    if (
      before.role === "replica" &&
      before.linkUp &&
      sameAddress({ host: before.masterHost, port: before.masterPort }, peer)
    ) {
      await redis.command(["CLIENT", "UNPAUSE"]);
      return `already a replica of ${peer.name}, link up`;
    }
    const steps: string[] = [];
    if (before.role === "master" && before.replicas.some((r) => sameAddress(r, peer))) {
      await redis.command(["CLIENT", "PAUSE", String(FENCE_PAUSE_MS), "WRITE"]);
      const target = (await readReplication(redis)).offset;
      const caughtUp = await until(config.demoteWaitMs, async () => (await appliedBy(config, peer)) >= target);
      if (!caughtUp) {
        const behind = target - (await appliedBy(config, peer).catch(() => 0));
        await redis.command(["CLIENT", "UNPAUSE"]);
        throw new Error(
          `${peer.name} did not catch up within ${config.demoteWaitMs / 1000} s (${behind} bytes behind): ` +
            "still master, writes accepted again",
        );
      }
      steps.push(`${peer.name} had every write (offset ${target})`);
    }
    await redis.command(["REPLICAOF", peer.host, String(peer.port)]);
    await redis.command(["CLIENT", "UNPAUSE"]);
    await keepRole(redis);
    const up = await until(config.demoteWaitMs, async () => {
      const info = await readReplication(redis);
      return info.role === "replica" && info.linkUp;
    });
    if (!up)
      throw new Error(
        `${[...steps, `REPLICAOF ${peer.name} sent`].join(", ")}; ` +
          `the link did not come up within ${config.demoteWaitMs / 1000} s`,
      );
    return [...steps, `now a replica of ${peer.name}, link up`].join(", ");
  });
}
