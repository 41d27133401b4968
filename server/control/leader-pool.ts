// The connections of a console instance's control loop. Its fenced writes hold a lock that a
// takeover waits for, so its sessions bound how long a paused leader can hold one: an idle
// transaction, a statement and a lock wait each end within the lease (see lease-timings.ts).
import pg from "pg";
import type { LeaseTimings } from "./lease-timings.ts";

const CONNECT_TIMEOUT_MS = 3_000;

function pool(config: pg.PoolConfig): pg.Pool {
  const created = new pg.Pool({ keepAlive: true, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...config });
  // A session the server ended (a timeout, a restart) is dropped; the next query gets a new one.
  created.on("error", () => undefined);
  return created;
}

/** For the leader's work: reads, fenced writes, the Prisma client. */
export function workPool(databaseUrl: string, timings: LeaseTimings): pg.Pool {
  return pool({
    connectionString: databaseUrl,
    max: 10,
    idle_in_transaction_session_timeout: timings.idleInTransactionMs,
    statement_timeout: timings.statementMs,
    lock_timeout: timings.lockMs,
  });
}

/**
 * For the lease row alone, so that renewals never queue behind work. A takeover may wait for a
 * paused leader's fenced transaction (at most a lease); a statement that takes longer than that
 * is given up and tried again.
 */
export function leasePool(databaseUrl: string, timings: LeaseTimings): pg.Pool {
  const { leaseMs } = timings;
  return pool({ connectionString: databaseUrl, max: 1, statement_timeout: leaseMs, query_timeout: leaseMs + 1_000 });
}
