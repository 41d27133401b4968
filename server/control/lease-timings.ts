// Every duration of leadership follows from the lease length, so that one setting keeps them
// consistent: how often the holder renews, how long it trusts its last renewal by its own clock,
// and how long a paused leader's open transaction can hold a takeover back.
export interface LeaseTimings {
  /** The lease: the database ends it this long after the last renewal. */
  leaseMs: number;
  renewEveryMs: number;
  /** The holder acts until the start of its last successful renewal plus this, by its own clock. */
  trustMs: number;
  /** A leader session idle inside a transaction this long is ended (it holds the fence's lock). */
  idleInTransactionMs: number;
  /** Longest statement of the leader's sessions: with the idle limit, at most one lease. */
  statementMs: number;
  /** Longest wait for a lock in the leader's sessions. */
  lockMs: number;
}

export const DEFAULT_LEASE_MS = 4_000;

export function leaseTimings(leaseMs: number): LeaseTimings {
  // The margin covers a transaction begun just before the holder's own deadline: it cannot
  // stay open past the lease, so it never delays a takeover beyond it.
  const margin = Math.round(leaseMs / 5);
  return {
    leaseMs,
    renewEveryMs: Math.round(leaseMs / 4),
    trustMs: leaseMs - margin,
    idleInTransactionMs: margin,
    statementMs: leaseMs - margin,
    lockMs: Math.round(leaseMs / 2),
  };
}
