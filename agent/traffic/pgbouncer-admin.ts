// A session on PgBouncer's admin console (the "pgbouncer" virtual database). It speaks only the
// simple query protocol: commands go as plain text, never with parameters, so a database's name is
// quoted here (PgBouncer reads `PAUSE my-db` as a syntax error and `PAUSE "my-db"` as meant).
import pg from "pg";
import type { PgbouncerConfig } from "./pgbouncer-config.ts";

export interface PoolEntry {
  name: string;
  host: string | null;
  port: number;
  paused: boolean;
}

export interface AdminSession {
  /** A command that answers nothing (PAUSE, RESUME, RELOAD); rejects with PgBouncer's error. */
  command(text: string): Promise<void>;
  /** SHOW DATABASES: each pool's database entry as PgBouncer holds it now. */
  databases(): Promise<PoolEntry[]>;
}

/** A database name as the admin console reads it; the protocol's names hold no double quote. */
export const quoted = (database: string) => `"${database}"`;

export const address = (config: PgbouncerConfig) => `${config.host}:${config.port}`;

/** Runs `work` in an admin session of its own, each command bounded by `queryMs`, closed afterwards. */
export async function withAdmin<T>(
  config: PgbouncerConfig,
  queryMs: number,
  work: (session: AdminSession) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    database: "pgbouncer",
    connectionTimeoutMillis: config.connectTimeoutMs,
    query_timeout: queryMs,
  });
  // PgBouncer going away under the session fails the command in flight, and that is all.
  client.on("error", () => undefined);
  try {
    await client.connect();
    return await work({
      command: async (text) => void (await client.query(text)),
      databases: async () =>
        (
          await client.query<{ name: string; host: string | null; port: number; paused: number }>("SHOW DATABASES")
        ).rows.map((row) => ({
          name: row.name,
          host: row.host,
          port: Number(row.port),
          paused: Number(row.paused) === 1,
        })),
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}
