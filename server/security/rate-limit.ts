// Fixed-window counters in PostgreSQL, so every console instance sees the same count. A hit is
// counted before the work it guards is done, in one statement, so concurrent callers cannot all
// read "under the limit" and then all go ahead.
import type { Db } from "../db/client.ts";

export interface Limit {
  max: number;
  windowMs: number;
}

export interface Hit {
  key: string;
  limit: Limit;
  /** This hit's number in the window: 1 for the first. */
  count: number;
  /** count ≤ max: the guarded work may go ahead. */
  allowed: boolean;
  /** This hit is the first one over the limit in its window (exactly one hit per window is). */
  firstRefused: boolean;
  windowStart: Date;
  retryAfterMs: number;
}

function windowOf(now: number, windowMs: number) {
  const start = Math.floor(now / windowMs) * windowMs;
  return { start, retryAfterMs: start + windowMs - now };
}

/** Counts one hit for `key` in the current window and says whether it is within the limit. */
export async function hit(db: Db, key: string, limit: Limit, now = Date.now()): Promise<Hit> {
  const { start, retryAfterMs } = windowOf(now, limit.windowMs);
  // Prisma keeps DateTime as UTC in `timestamp without time zone`; computing the value in SQL
  // from epoch milliseconds keeps it independent of the session's time zone.
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_bucket (key, "windowStart", count)
    VALUES (${key}, to_timestamp(${start}::bigint / 1000.0) AT TIME ZONE 'UTC', 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_bucket.count + 1
    RETURNING count`;
  const count = Number(rows[0]?.count);
  return {
    key,
    limit,
    count,
    allowed: count <= limit.max,
    firstRefused: count === limit.max + 1,
    windowStart: new Date(start),
    retryAfterMs,
  };
}

/** Takes an allowed hit back (its work turned out not to count against the limit). A window
 * already over its limit stays over: giving back never reopens it. */
export async function giveBack(db: Db, taken: Hit): Promise<void> {
  if (!taken.allowed) return;
  const { key, windowStart, limit } = taken;
  await db.$executeRaw`
    UPDATE rate_limit_bucket SET count = count - 1
    WHERE key = ${key} AND "windowStart" = to_timestamp(${windowStart.getTime()}::bigint / 1000.0) AT TIME ZONE 'UTC'
      AND count BETWEEN 1 AND ${limit.max}`;
}

export async function pruneExpired(db: Db, olderThan: Date): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}
