// What the Sentinels watching the pair say and do: which address they name master, how they see
// each replica (s_down, o_down, disconnected), and a failover asked of them.
import type { SentinelConfig } from "./config.ts";
import { type Reply, ReplyError, withRedis } from "./resp.ts";

export interface Address {
  host: string;
  port: number;
}

export interface SentinelView {
  /** The sentinel that answered. */
  via: Address;
  reachable: number;
  master: Address | null;
  /** Every server Sentinel knows in the set (master and replicas), with whether it counts it down. */
  servers: { host: string; port: number; down: boolean; flags: string }[];
}

const DOWN_FLAGS = ["s_down", "o_down", "disconnected"];

/** A flat [key, value, key, value…] reply as an object. */
function pairs(reply: Reply): Record<string, string> {
  const list = Array.isArray(reply) ? reply : [];
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < list.length; i += 2) out[String(list[i])] = String(list[i + 1]);
  return out;
}

export function serverOf(fields: Record<string, string>) {
  const flags = fields.flags ?? "";
  return {
    host: fields.ip ?? "",
    port: Number(fields.port),
    flags,
    down: flags.split(",").some((flag) => DOWN_FLAGS.includes(flag)),
  };
}

const asAddress = (reply: Reply): Address | null =>
  Array.isArray(reply) && reply.length === 2 ? { host: String(reply[0]), port: Number(reply[1]) } : null;

export const sameAddress = (a: Address | null, b: Address) => a !== null && a.host === b.host && a.port === b.port;

function sentinel(config: SentinelConfig, host: Address) {
  return { host: host.host, port: host.port, password: config.password };
}

/** Sentinel's view from the first sentinel that answers, with how many answered; null when none did. */
export async function sentinelView(config: SentinelConfig, timeoutMs: number): Promise<SentinelView | null> {
  const views = await Promise.all(
    config.hosts.map((host) =>
      withRedis(sentinel(config, host), timeoutMs, async (redis) => {
        const master = asAddress(await redis.command(["SENTINEL", "GET-MASTER-ADDR-BY-NAME", config.masterName]));
        const state = serverOf(pairs(await redis.command(["SENTINEL", "MASTER", config.masterName])));
        const replicas = await redis.command(["SENTINEL", "REPLICAS", config.masterName]);
        const servers = [state, ...(Array.isArray(replicas) ? replicas.map((r) => serverOf(pairs(r))) : [])];
        return { via: host, master, servers };
      }).catch(() => null),
    ),
  );
  const answered = views.filter((v) => v !== null);
  const first = answered[0];
  return first ? { ...first, reachable: answered.length } : null;
}

/** The address the first sentinel that answers names master. */
export async function sentinelMaster(config: SentinelConfig, timeoutMs: number): Promise<Address | null> {
  for (const host of config.hosts) {
    const master = await withRedis(sentinel(config, host), timeoutMs, (redis) =>
      redis.command(["SENTINEL", "GET-MASTER-ADDR-BY-NAME", config.masterName]),
    ).catch(() => undefined);
    if (master !== undefined) return asAddress(master);
  }
  throw new Error(`no sentinel answered (${config.hosts.map((h) => `${h.host}:${h.port}`).join(", ")})`);
}

/** SENTINEL FAILOVER on the first sentinel that answers; its refusal (-NOGOODSLAVE) is thrown. */
export async function askFailover(config: SentinelConfig, timeoutMs: number): Promise<Address> {
  let last: unknown = null;
  for (const host of config.hosts) {
    try {
      await withRedis(sentinel(config, host), timeoutMs, (redis) =>
        redis.command(["SENTINEL", "FAILOVER", config.masterName]),
      );
      return host;
    } catch (error) {
      // Sentinel is failing over by itself already: that failover is the one to wait for.
      if (error instanceof ReplyError && error.message.startsWith("INPROG")) return host;
      // A sentinel that answered and refused speaks for all of them.
      if (error instanceof ReplyError) throw error;
      last = error;
    }
  }
  throw new Error(`no sentinel answered: ${last instanceof Error ? last.message : String(last)}`);
}
