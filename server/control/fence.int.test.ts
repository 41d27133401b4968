// The lease and its fence on a real PostgreSQL: a takeover waits for the old leader's open fenced
// transaction (which then commits under the old epoch), a renewal does not; a paused leader's
// idle transaction is ended so it cannot hold a takeover back; and once the epoch moved on, a
// leader that still believes it leads writes nothing, through the raw path or the Prisma client.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { waitFor } from "../testing/fleet-harness.ts";
import { fencedTransaction, LostLeadership, type Fence } from "./fence.ts";
import { fencedDb } from "./fenced-db.ts";
import { leasePool, workPool } from "./leader-pool.ts";
import { LeaderLease } from "./lease.ts";
import { leaseTimings } from "./lease-timings.ts";

const timings = leaseTimings(1_000);
const pools: pg.Pool[] = [];
let url = "";
let db: Db;

const lease = (holder: string) => {
  const pool = leasePool(url, timings);
  pools.push(pool);
  return new LeaderLease(pool, holder, timings);
};
const work = () => {
  const pool = workPool(url, timings);
  pools.push(pool);
  return pool;
};
/** A fence that trusts itself whatever its clock says, as a process does in the instant it thaws. */
const believer = (holder: string, epoch: number): Fence => ({ holder, epoch, isLeader: () => true });
const expired = async () => {
  const rows = await db.$queryRaw<{ expired: boolean }[]>`SELECT "expiresAt" <= now() AS expired FROM leader_lease`;
  return rows[0]?.expired;
};
const takeoverWaiting = async () => {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE leader_lease%'`;
  return rows[0]?.n === 1;
};
const marks = async () => {
  const rows = await db.setting.findMany({ where: { key: { startsWith: "fence-test" } }, select: { key: true } });
  return rows.map((s) => s.key).sort();
};
const mark = (query: (sql: string, params?: unknown[]) => Promise<unknown>, key: string) =>
  query(`INSERT INTO setting (key, value, "updatedAt") VALUES ($1, 'true', now())`, [key]);

beforeAll(async () => {
  url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
});

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await db?.$disconnect();
});

describe("leader lease", () => {
  it("lets a takeover wait for the old leader's open write, which its renewals never wait for", async () => {
    const a = lease("a");
    const b = lease("b");
    const first = await a.acquire();
    expect(first).toMatchObject({ outcome: "acquired" });
    const epoch = first.outcome === "acquired" ? first.epoch : 0;
    expect(await b.acquire()).toMatchObject({ outcome: "taken", holder: "a", epoch });

    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    // A session without the leader's idle limit: this transaction waits on purpose.
    const patient = new pg.Pool({ connectionString: url, max: 1 });
    pools.push(patient);
    const open = fencedTransaction(patient, believer("a", epoch), async (query) => {
      await gate;
      await mark(query, "fence-test-old-leader");
    });
    expect(await a.renew(epoch)).toEqual({ outcome: "renewed" });
    await waitFor("the lease to expire", expired, 5_000);
    const takeover = b.acquire();
    await waitFor("the takeover to wait for the open write", takeoverWaiting, 5_000);
    finish();
    await open;
    expect(await takeover).toEqual({ outcome: "acquired", epoch: epoch + 1 });
    expect(await marks()).toEqual(["fence-test-old-leader"]);

    const stale = fencedTransaction(work(), believer("a", epoch), (query) => mark(query, "fence-test-stale"));
    await expect(stale).rejects.toBeInstanceOf(LostLeadership);
    expect(await a.renew(epoch)).toEqual({ outcome: "lost" });
    expect(a.holds(epoch)).toBe(false);
    expect(await marks()).toEqual(["fence-test-old-leader"]);
  });

  it("ends a paused leader's idle transaction, so it cannot hold a takeover back", async () => {
    const c = lease("c");
    const d = lease("d");
    await waitFor("the lease to expire", expired, 5_000);
    const taken = await c.acquire();
    const epoch = taken.outcome === "acquired" ? taken.epoch : 0;
    let thaw!: () => void;
    const paused = new Promise<void>((resolve) => (thaw = resolve));
    const frozen = fencedTransaction(work(), believer("c", epoch), async (query) => {
      await paused;
      await mark(query, "fence-test-thawed");
    });
    await waitFor("the lease to expire", expired, 5_000);
    await waitFor("d to take over", async () => (await d.acquire()).outcome === "acquired", timings.leaseMs);
    thaw();
    await expect(frozen).rejects.toThrow();
    expect(await marks()).not.toContain("fence-test-thawed");
  });

  it("fences the leader's Prisma client: reads always, writes only within the term", async () => {
    const e = lease("e");
    await waitFor("the lease to expire", expired, 5_000);
    const taken = await e.acquire();
    const epoch = taken.outcome === "acquired" ? taken.epoch : 0;
    const leader = fencedDb(createDb(work()), { holder: "e", epoch, isLeader: () => e.holds(epoch) });
    await leader.setting.create({ data: { key: "fence-test-prisma", value: true } });
    const key = "fence-test-prisma";
    await leader.$transaction(async (tx) => tx.setting.update({ where: { key }, data: { value: false } }));
    expect(() => leader.$transaction([])).toThrow(/interactive transactions/);

    await e.release(epoch);
    await expect(leader.setting.delete({ where: { key } })).rejects.toBeInstanceOf(LostLeadership);
    const thawed = fencedDb(createDb(work()), believer("e", epoch));
    await expect(thawed.setting.deleteMany({ where: { key } })).rejects.toBeInstanceOf(LostLeadership);
    await expect(thawed.$executeRaw`DELETE FROM setting WHERE key = ${key}`).rejects.toBeInstanceOf(LostLeadership);
    expect(await thawed.setting.findUnique({ where: { key }, select: { value: true } })).toEqual({ value: false });
  });
});
