// The agent's `pgbouncer` section: PgBouncer's admin console (its "pgbouncer" virtual database) and
// the file of [databases] lines this agent owns, which PgBouncer's configuration `%include`s.
import path from "node:path";
import { z } from "zod";
import { port } from "../drivers/replicated-config.ts";

export const pgbouncerSchema = z.object({
  host: z.string().min(1).max(253).default("127.0.0.1"),
  port: port.default(6432),
  /** A user in PgBouncer's admin_users. */
  user: z.string().min(1).max(200),
  password: z.string().max(1000).optional(),
  databasesFile: z.string().refine((file) => path.isAbsolute(file), "must be an absolute path"),
  connectTimeoutMs: z.number().int().min(50).max(30_000).default(2_000),
  /**
   * How long PAUSE may wait for the transactions running through the pool to end; past it the pool is
   * resumed and the pause fails, so a stuck transaction never leaves every client waiting.
   */
  pauseTimeoutMs: z.number().int().min(100).max(600_000).default(10_000),
});

export type PgbouncerConfig = z.infer<typeof pgbouncerSchema>;
