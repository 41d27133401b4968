// What the driver asks its own server on a poll: ROLE, INFO replication and, on a master, whether it
// takes writes (a CLIENT PAUSE WRITE in force, min-replicas-to-write not met) — Redis 7.0's INFO
// does not say whether writes are paused, so a harmless write is sent on a second connection and,
// if it waits, the server is asked whether that client is held by a pause.
import type { RedisConfig } from "./config.ts";
import { parseInfo, replicationInfo, type ReplicationInfo } from "./info.ts";
import { connectRedis, type RedisConnection } from "./resp.ts";

/** A DEL of a key nobody uses: a write command (so a pause holds it) that changes nothing. */
const PROBE_KEY = "haops:agent:write-probe";
const PROBE_MS = 200;

export const addressOf = (config: RedisConfig, at: { host: string; port: number } = config) => ({
  host: at.host,
  port: at.port,
  username: config.username,
  password: config.password,
});

export async function readReplication(redis: RedisConnection): Promise<ReplicationInfo> {
  return replicationInfo(parseInfo(String(await redis.command(["INFO", "replication"]))));
}

export async function minReplicasToWrite(redis: RedisConnection): Promise<number> {
  const reply = await redis.command(["CONFIG", "GET", "min-replicas-to-write"]);
  return Array.isArray(reply) ? Number(reply[1] ?? 0) : 0;
}

/** Whether a write from a client would wait for a CLIENT PAUSE to end. */
export async function writesPaused(config: RedisConfig, redis: RedisConnection): Promise<boolean> {
  const probe = await connectRedis(addressOf(config), config.connectTimeoutMs);
  try {
    const id = String(await probe.command(["CLIENT", "ID"]));
    const answered = probe.command(["DEL", PROBE_KEY], config.connectTimeoutMs + PROBE_MS).then(
      () => true,
      () => false,
    );
    const quick = await Promise.race([answered, new Promise<null>((r) => setTimeout(() => r(null), PROBE_MS))]);
    if (quick !== null) return false;
    // Still waiting: held by a pause (flag b, a postponed client) or a server too slow to say.
    const client = String(await redis.command(["CLIENT", "LIST", "ID", id]));
    return /\bflags=\w*b/.test(client);
  } finally {
    probe.close();
  }
}
