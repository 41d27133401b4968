// Tells a lost or timed-out session (try again later) from a statement the database refused.
import pg from "pg";

/** Errors after which the session is gone or gave up (08: connection, 57: cancelled or shut down). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  return /^(08|57)/.test(error.code ?? "");
}
