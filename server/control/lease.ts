// Leadership is a lease: the one leader_lease row (holder, epoch, expiry), judged by the
// database's clock alone. A takeover is one UPDATE that succeeds only once the lease has expired
// and raises the epoch; a renewal succeeds only for the holder of the current epoch before expiry.
// By its own monotonic clock the holder trusts a renewal only for part of the lease (from the
// moment it sent it), so a process that was paused knows at once, without asking, that it may no
// longer act.
import type pg from "pg";
import type { LeaseTimings } from "./lease-timings.ts";

const TAKE_OVER = `
  UPDATE leader_lease
  SET holder = $1, epoch = epoch + 1, "expiresAt" = now() + $2 * interval '1 millisecond', "renewedAt" = now()
  WHERE id = 1 AND "expiresAt" <= now()
  RETURNING epoch`;
const RENEW = `
  UPDATE leader_lease SET "expiresAt" = now() + $3 * interval '1 millisecond', "renewedAt" = now()
  WHERE id = 1 AND holder = $1 AND epoch = $2 AND "expiresAt" > now()
  RETURNING epoch`;
const CURRENT = `
  SELECT holder, epoch, GREATEST(0, extract(epoch FROM "expiresAt" - now()) * 1000)::float8 AS "expiresInMs"
  FROM leader_lease WHERE id = 1`;
const RELEASE = `UPDATE leader_lease SET "expiresAt" = now() WHERE id = 1 AND holder = $1 AND epoch = $2`;

export type Acquired =
  | { outcome: "acquired"; epoch: number }
  | { outcome: "taken"; holder: string; epoch: number; expiresInMs: number }
  | { outcome: "unreachable"; error: unknown };

export type Renewed = { outcome: "renewed" } | { outcome: "lost" } | { outcome: "unreachable"; error: unknown };

export class LeaderLease {
  private epoch: number | null = null;
  private trustedUntil = 0;

  constructor(
    private readonly pool: pg.Pool,
    readonly holder: string,
    readonly timings: LeaseTimings,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Whether this instance may still act in `epoch`: answered locally, without a round trip. */
  holds(epoch: number): boolean {
    return this.epoch === epoch && this.clock() < this.trustedUntil;
  }

  /** Takes the lease if it has expired (or was never held). */
  async acquire(): Promise<Acquired> {
    const sentAt = this.clock();
    try {
      const taken = await this.pool.query<{ epoch: string }>(TAKE_OVER, [this.holder, this.timings.leaseMs]);
      if (taken.rows[0]) {
        this.trust(Number(taken.rows[0].epoch), sentAt);
        return { outcome: "acquired", epoch: Number(taken.rows[0].epoch) };
      }
      this.forget();
      const current = await this.pool.query<{ holder: string; epoch: string; expiresInMs: number }>(CURRENT);
      const { holder = "", epoch = "0", expiresInMs = 0 } = current.rows[0] ?? {};
      return { outcome: "taken", holder, epoch: Number(epoch), expiresInMs };
    } catch (error) {
      return { outcome: "unreachable", error };
    }
  }

  /** Extends the lease of `epoch`; "lost" once it expired or another instance took it. */
  async renew(epoch: number): Promise<Renewed> {
    const sentAt = this.clock();
    try {
      const renewed = await this.pool.query(RENEW, [this.holder, epoch, this.timings.leaseMs]);
      if (renewed.rowCount === 1) {
        this.trust(epoch, sentAt);
        return { outcome: "renewed" };
      }
      this.forget();
      return { outcome: "lost" };
    } catch (error) {
      return { outcome: "unreachable", error };
    }
  }

  /** Ends the lease at once (an orderly stop), so another instance need not wait for it to expire. */
  async release(epoch: number): Promise<void> {
    this.forget();
    await this.pool.query(RELEASE, [this.holder, epoch]).catch(() => undefined);
  }

  private trust(epoch: number, sentAt: number) {
    this.epoch = epoch;
    this.trustedUntil = sentAt + this.timings.trustMs;
  }

  private forget() {
    this.epoch = null;
    this.trustedUntil = 0;
  }
}
