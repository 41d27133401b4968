// The fence every leader write passes. In the write's own transaction it first takes a shared key
// lock on the lease row of this instance's epoch, still unexpired by the database's clock. A
// takeover changes the epoch, so its UPDATE waits for that lock: a write either commits under the
// old epoch before the takeover, or finds no row and fails with LostLeadership, writing nothing.
import type pg from "pg";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { Query } from "../ingest/flush.ts";

export interface Fence {
  holder: string;
  epoch: number;
  /** The holder's own verdict (no round trip): false once it can no longer trust its lease. */
  isLeader(): boolean;
}

export class LostLeadership extends Error {
  constructor(fence: Fence) {
    super(`This instance (${fence.holder}) no longer leads in epoch ${fence.epoch}; nothing was written.`);
    this.name = "LostLeadership";
  }
}

const FENCE = `
  SELECT 1 FROM leader_lease WHERE id = 1 AND holder = $1 AND epoch = $2::bigint AND "expiresAt" > now()
  FOR KEY SHARE`;

type TransactionOptions = { maxWait?: number; timeout?: number };

/** A Prisma transaction that commits only within the fence's term. */
export async function leaderTransaction<T>(
  db: Db,
  fence: Fence,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  if (!fence.isLeader()) throw new LostLeadership(fence);
  return db.$transaction(async (tx) => {
    const held = await tx.$queryRawUnsafe<unknown[]>(FENCE, fence.holder, fence.epoch);
    if (held.length === 0) throw new LostLeadership(fence);
    return work(tx);
  }, options);
}

/** Raw statements (ingest, rollups, retention) in one transaction that commits only within the fence's term. */
export async function fencedTransaction<T>(
  pool: pg.Pool,
  fence: Fence,
  work: (query: Query) => Promise<T>,
): Promise<T> {
  if (!fence.isLeader()) throw new LostLeadership(fence);
  const client = await pool.connect();
  let broken: Error | undefined;
  // The server may end the session while it is ours (the idle-in-transaction limit of a paused
  // leader): the next statement fails, and the client is closed rather than handed out again.
  const onError = (error: Error) => (broken = error);
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    const held = await client.query(FENCE, [fence.holder, fence.epoch]);
    if (held.rowCount === 0) throw new LostLeadership(fence);
    const result = await work((sql, params) => client.query(sql, params));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((failure: Error) => (broken ??= failure));
    throw error;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
