// The redis driver's settings in the agent's YAML: how to reach the server and its pid file, how to
// start and fence it, its peers, the HAProxy that routes writes to it and, optionally, the Sentinels
// that watch it (then Sentinel, not this agent, changes who is master).
import { z } from "zod";
import { peersSchema, port, writeBackendSchema } from "../replicated-config.ts";

const name = z.string().min(1).max(200);
const argv = z.array(z.string().min(1).max(2000)).min(1).max(50);

export const sentinelSchema = z.object({
  hosts: z
    .array(z.object({ host: z.string().min(1), port: port.default(26379) }))
    .min(1)
    .max(10),
  /** The name the Sentinels monitor this pair under (sentinel monitor <masterName> …). */
  masterName: name,
  password: z.string().optional(),
});

export type SentinelConfig = z.infer<typeof sentinelSchema>;

export const redisSchema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  port: port.default(6379),
  /**
   * AUTH for this server and its peers. An ACL user (`username`) needs PING, ROLE, INFO, CONFIG, CLIENT,
   * REPLICAOF, SHUTDOWN, and DEL of the key haops:agent:write-probe (the pause probe, probe.ts).
   */
  username: z.string().min(1).optional(),
  password: z.string().optional(),
  /** The server's pidfile setting: the process check and the faults read the pid from it. */
  pidFile: z.string().min(1),
  /** How to start the server (unfence or clear-fault of a stopped one, a demote of one that is down). */
  startCommand: argv.optional(),
  /** sync: the primary has min-replicas-to-write ≥ 1 and writers WAIT for a replica; reported by a replica. */
  replicationMode: z.enum(["sync", "async"]).optional(),
  /** pause: CLIENT PAUSE WRITE, the server stays up and serves reads; stop: SHUTDOWN NOSAVE. */
  fence: z.enum(["pause", "stop"]).default("pause"),
  /** A command that must succeed for the node to count as healthy, e.g. [EXISTS, session:probe]. */
  businessCommand: argv.max(20).optional(),
  connectTimeoutMs: z.number().int().min(50).max(30_000).default(500),
  /**
   * How long a demote waits for the new master to catch up (a former master) and for the link to come
   * up; under Sentinel, for Sentinel to make this node a replica of its master.
   */
  demoteWaitMs: z.number().int().min(1000).max(600_000).default(30_000),
  /** The other nodes' servers, checked from here for the peers view and used as upstreams. */
  peers: peersSchema,
  haproxy: writeBackendSchema,
  sentinel: sentinelSchema.optional(),
});

export type RedisConfig = z.infer<typeof redisSchema>;
