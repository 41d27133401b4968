// Three Redis Sentinels on 127.0.0.1 watching a pair (quorum 2, down after 1 s), each with its
// config file in the test's folder (Sentinel rewrites it); stopped by their pids.
import { killRedis, redis, startDaemon, waitUntil } from "./redis-server.ts";

export interface Sentinels {
  hosts: { host: string; port: number }[];
  stop(): void;
}

export async function startSentinels(dir: string, masterName: string, masterPort: number): Promise<Sentinels> {
  const started: { port: number; pidFile: string }[] = [];
  for (const i of [1, 2, 3])
    started.push(
      await startDaemon(dir, `sentinel-${i}`, "redis-sentinel", [
        `sentinel monitor ${masterName} 127.0.0.1 ${masterPort} 2`,
        `sentinel down-after-milliseconds ${masterName} 1000`,
        `sentinel failover-timeout ${masterName} 10000`,
      ]),
    );
  const sentinels = {
    hosts: started.map((s) => ({ host: "127.0.0.1", port: s.port })),
    stop: () => started.forEach(killRedis),
  };
  try {
    // Each must know the other two and the replica before it can agree to a failover.
    for (const { port } of started)
      await waitUntil(30_000, `sentinel ${port} sees the others and the replica`, async () => {
        const fields = await redis(port, "SENTINEL", "MASTER", masterName);
        const list = Array.isArray(fields) ? fields.map(String) : [];
        const at = (key: string) => list[list.indexOf(key) + 1];
        return at("num-other-sentinels") === "2" && at("num-slaves") === "1";
      });
  } catch (error) {
    sentinels.stop();
    throw error;
  }
  return sentinels;
}
