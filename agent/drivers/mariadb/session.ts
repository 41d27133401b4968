// Sessions the driver opens to its own server or a peer's: a poll's statements get the connect
// timeout, an action's work the time it takes.
import mysql from "mysql2/promise";
import type { MariadbConfig } from "./config.ts";

/** A shutdown's wait and a demote's catch-up, with a margin. */
export const ACTION_QUERY_MS = 70_000;

export type Row = Record<string, unknown>;

export interface Session {
  rows(sql: string, values?: unknown[]): Promise<Row[]>;
  run(sql: string, values?: unknown[]): Promise<void>;
}

type Target = Pick<MariadbConfig, "host" | "port" | "user" | "password" | "connectTimeoutMs">;

/** Runs `work` in a session of its own, closed afterwards whatever happens. */
export async function withServer<T>(
  target: Target,
  work: (session: Session) => Promise<T>,
  queryMs = target.connectTimeoutMs,
): Promise<T> {
  const connection = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    connectTimeout: target.connectTimeoutMs,
    supportBigNumbers: true,
  });
  // A server that dies under an open session errors the connection: the statement fails, and that is
  // all. Unheard, it would take the agent down with its database.
  connection.on("error", () => undefined);
  const rows = async (sql: string, values: unknown[] = []) =>
    (await connection.query({ sql, values, timeout: queryMs }))[0] as Row[];
  try {
    return await work({ rows, run: async (sql, values) => void (await rows(sql, values)) });
  } finally {
    connection.destroy();
  }
}

/** One value of the first row: SELECT @@read_only and the like. */
export async function scalar(session: Session, sql: string): Promise<unknown> {
  const row = (await session.rows(sql))[0];
  return row ? Object.values(row)[0] : undefined;
}
