// Sessions the driver opens to its own server: a poll's checks get the connect timeout for their
// statements, an action's work the time it takes.
import pg from "pg";
import type { PostgresqlConfig } from "./config.ts";

/** pg_promote's own wait (60 s) and a margin. */
export const ACTION_QUERY_MS = 70_000;

/** A session whose statements may run `queryMs`: a poll's checks are quick, an action's work is not. */
function connect(config: PostgresqlConfig, queryMs: number): Promise<pg.Client> {
  const { host, port, user, password, database, connectTimeoutMs } = config;
  const client = new pg.Client({
    host,
    port,
    user,
    password,
    database,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: queryMs,
    query_timeout: queryMs,
    application_name: "ha-ops-agent",
  });
  // A server that dies under an open session emits an error on the client: the query fails, and
  // that is all. Unheard, it would take the agent down with its database.
  client.on("error", () => undefined);
  return client.connect().then(
    () => client,
    (error: Error) =>
      client
        .end()
        .catch(() => undefined)
        .then(() => Promise.reject(error)),
  );
}

/** Runs `work` in a session of its own, closed afterwards whatever happens. */
export async function withSession<T>(
  config: PostgresqlConfig,
  work: (client: pg.Client) => Promise<T>,
  queryMs = config.connectTimeoutMs,
): Promise<T> {
  const client = await connect(config, queryMs);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
