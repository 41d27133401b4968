// Fixed-window counters in PostgreSQL, so every console instance sees the same count.
import type { Db } from "../db/client.ts";

export interface Limit {
  max: number;
  windowMs: number;
}

export interface LimitState {
  count: number;
  limited: boolean;
  retryAfterMs: number;
}

function windowOf(now: number, windowMs: number) {
  const start = Math.floor(now / windowMs) * windowMs;
  return { start: new Date(start), retryAfterMs: start + windowMs - now };
}

/** Reads without counting: has `key` reached its limit in the current window? */
export async function peek(db: Db, key: string, limit: Limit, now = Date.now()): Promise<LimitState> {
  const { start, retryAfterMs } = windowOf(now, limit.windowMs);
  const bucket = await db.rateLimitBucket.findUnique({
    where: { key_windowStart: { key, windowStart: start } },
    select: { count: true },
  });
  const count = bucket?.count ?? 0;
  return { count, limited: count >= limit.max, retryAfterMs };
}

/** Counts one hit for `key` in the current window. */
export async function hit(db: Db, key: string, limit: Limit, now = Date.now()): Promise<LimitState> {
  const { start, retryAfterMs } = windowOf(now, limit.windowMs);
  const bucket = await db.rateLimitBucket.upsert({
    where: { key_windowStart: { key, windowStart: start } },
    create: { key, windowStart: start, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  return { count: bucket.count, limited: bucket.count >= limit.max, retryAfterMs };
}

export async function pruneExpired(db: Db, olderThan: Date): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}
