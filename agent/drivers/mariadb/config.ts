// The mariadb driver's settings in the agent's YAML: how to reach the server, its pid file and how
// to start it, how to fence it, the replication it runs, and (optionally) the HAProxy that routes
// writes to it. MariaDB 10.11 first; MySQL 8 where the SQL is the same.
import { z } from "zod";
import { peersSchema, port, writeBackendSchema } from "../replicated-config.ts";

const identifier = z.string().regex(/^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/, "must be a table or column name");

export const mariadbSchema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  port: port.default(3306),
  /** An administrative user (READ_ONLY ADMIN or SUPER, REPLICATION SLAVE ADMIN, CONNECTION ADMIN, SHUTDOWN). */
  user: z.string().min(1).default("root"),
  password: z.string().optional(),
  /** The server's pid file (its pid_file variable): the process check and the crash/stall faults. */
  pidFile: z.string().min(1),
  /** How the agent starts the server (unfence of a stopped one, clear-fault after a crash, a demote). */
  startCommand: z.array(z.string().min(1)).min(1).optional(),
  /**
   * Added to startCommand when the agent starts a stopped server to rejoin it as a semi-sync replica:
   * with these MariaDB's crash recovery rolls back what the server wrote to its binlog but no replica
   * acknowledged. Empty when the start command takes no mariadbd options. Async nodes start without them,
   * so their rejoin check sees every write they kept.
   */
  rejoinArgs: z.array(z.string().min(1)).default(["--init-rpl-role=SLAVE", "--rpl-semi-sync-slave-enabled=ON"]),
  /** The operating-system user the start command runs as when the agent runs as root. */
  osUser: z.string().min(1).optional(),
  /** The account replicas connect as, in CHANGE MASTER TO after a demote. */
  replicationUser: z.string().min(1).default("replicator"),
  replicationPassword: z.string().optional(),
  /** sync: semi-synchronous (AFTER_SYNC) once promoted, and acknowledging as a replica; async otherwise. */
  replicationMode: z.enum(["sync", "async"]).default("async"),
  /** read-only: read_only on and client sessions ended, the server stays up; stop: shut it down. */
  fence: z.enum(["read-only", "stop"]).default("read-only"),
  /** A query that must succeed for the node to count as healthy, e.g. SELECT 1 FROM shop.orders LIMIT 1. */
  businessQuery: z.string().max(2000).optional(),
  /**
   * A heartbeat table (server_id primary key, a DATETIME(6) column): lag is now minus the replicated
   * stamp. `write`: the primary's agent stamps it every poll; leave it false where pt-heartbeat does.
   */
  heartbeat: z.object({ table: identifier, column: identifier, write: z.boolean().default(true) }).optional(),
  connectTimeoutMs: z.number().int().min(50).max(30_000).default(500),
  /** How long a demote waits for both replica threads to run. */
  replicaStartMs: z.number().int().min(500).max(300_000).default(10_000),
  /** The other nodes' servers, checked from here for the peers view and used as upstreams. */
  peers: peersSchema,
  haproxy: writeBackendSchema,
});

export type MariadbConfig = z.infer<typeof mariadbSchema>;
