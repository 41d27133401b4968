import { describe, expect, it } from "vitest";
import { DEFAULT_LEASE_MS, leaseTimings } from "./lease-timings.ts";

describe("lease timings", () => {
  it("renews four times a lease and trusts a renewal for all but a fifth of it", () => {
    expect(leaseTimings(DEFAULT_LEASE_MS)).toEqual({
      leaseMs: 4_000,
      renewEveryMs: 1_000,
      trustMs: 3_200,
      idleInTransactionMs: 800,
      statementMs: 3_200,
      lockMs: 2_000,
    });
  });

  it.each([1_000, 5_000, 30_000])("keeps a paused leader's transaction within the lease (%i ms)", (leaseMs) => {
    const t = leaseTimings(leaseMs);
    // A transaction begun at the holder's deadline is ended by the idle limit before the lease runs out.
    expect(t.trustMs + t.idleInTransactionMs).toBeLessThanOrEqual(leaseMs);
    // One statement frozen mid-way, then idle: still no longer than the lease.
    expect(t.statementMs + t.idleInTransactionMs).toBeLessThanOrEqual(leaseMs);
  });

  it("survives a one-second pause at the default: the next renewal comes before the holder's deadline", () => {
    const t = leaseTimings(DEFAULT_LEASE_MS);
    expect(t.renewEveryMs + 1_000).toBeLessThan(t.trustMs);
  });
});
