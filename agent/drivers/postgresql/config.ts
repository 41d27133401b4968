// The postgresql driver's settings in the agent's YAML: how to reach the server, where its data
// and programs are, how to fence it, and (optionally) the HAProxy that routes writes to it.
import { z } from "zod";
import { peersSchema, port, writeBackendSchema } from "../replicated-config.ts";

export const postgresqlSchema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  port: port.default(5432),
  /** A superuser the agent connects as (pg_promote, ALTER SYSTEM, pg_terminate_backend). */
  user: z.string().min(1).default("postgres"),
  password: z.string().optional(),
  database: z.string().min(1).default("postgres"),
  dataDir: z.string().min(1),
  binDir: z.string().min(1).default("/usr/lib/postgresql/15/bin"),
  /** The operating-system user that owns dataDir; pg_ctl and pg_rewind run as it. */
  osUser: z.string().min(1).optional(),
  /** The role standbys stream as, in primary_conninfo after a demote. */
  replicationUser: z.string().min(1).default("replicator"),
  replicationPassword: z.string().optional(),
  /** What a standby reports as its mode: the primary's synchronous_standby_names decides it. */
  replicationMode: z.enum(["sync", "async", "quorum"]).optional(),
  /** read-only: writes refused and write sessions ended, the server stays up; stop: shut it down. */
  fence: z.enum(["read-only", "stop"]).default("read-only"),
  /** A query that must succeed for the node to count as healthy, e.g. SELECT 1 FROM orders LIMIT 1. */
  businessQuery: z.string().max(2000).optional(),
  connectTimeoutMs: z.number().int().min(50).max(30_000).default(500),
  /** The other nodes' servers, checked from here for the peers view and used as upstreams. */
  peers: peersSchema,
  haproxy: writeBackendSchema,
});

export type PostgresqlConfig = z.infer<typeof postgresqlSchema>;
