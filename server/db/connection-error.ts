// Tells a lost or timed-out session (try again later) from a statement the database refused. The
// leader's loops wait out the first quietly and log the second, so a refused statement must never
// pass for a lost session: it would be retried in silence for ever.
import pg from "pg";
import { z } from "zod";
import { Prisma } from "./generated/client.ts";

/** SQLSTATE classes of a session gone or given up: 08 connection exception, 57 operator intervention. */
const SESSION_STATE = /^(08|57)/;
/** Prisma's: P1xxx unreachable, timed out or closed; P2024 no pooled connection in time; P2028 transaction expired. */
const PRISMA_SESSION_CODE = /^(P1\d{3}|P2024|P2028)$/;
/** The driver adapter's kinds of error that are about the session, not the statement. */
const ADAPTER_SESSION_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "TlsConnectionError",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);

// What the driver adapter says of a failure: thrown as the error's cause, or kept in a Prisma error's meta.
const adapterCause = z.object({ kind: z.string(), code: z.string().optional(), originalCode: z.string().optional() });
const knownMeta = z.object({ driverAdapterError: z.object({ cause: z.unknown() }) });

function adapterSaysSession(cause: unknown): boolean | undefined {
  const parsed = adapterCause.safeParse(cause);
  if (!parsed.success) return undefined;
  const state = parsed.data.code ?? parsed.data.originalCode;
  return ADAPTER_SESSION_KINDS.has(parsed.data.kind) || (state !== undefined && SESSION_STATE.test(state));
}

export function isConnectionError(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) return SESSION_STATE.test(error.code ?? "");
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (PRISMA_SESSION_CODE.test(error.code)) return true;
    const meta = knownMeta.safeParse(error.meta);
    return meta.success && adapterSaysSession(meta.data.driverAdapterError.cause) === true;
  }
  if (error instanceof Prisma.PrismaClientUnknownRequestError || error instanceof Prisma.PrismaClientValidationError) {
    return false;
  }
  if (error instanceof Error && error.name === "DriverAdapterError") return adapterSaysSession(error.cause) ?? true;
  // Anything else is the session's: pg's "Connection terminated", a pool's connect timeout, a socket
  // error, and a leader's lost leadership (its writes wait for the next term like for a session).
  return true;
}
