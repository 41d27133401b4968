// The red team's findings against the audit chain, replayed on a real PostgreSQL: the newest
// entries cut off, an entry rewritten with the chain after it recomputed without the key, and the
// cost of reading only from the newest checkpoint on (an older edit waits for the full walk).
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { appendAudit } from "./append.ts";
import { makeCheckpoint } from "./checkpoint.ts";
import { auditHash, GENESIS_HASH } from "./hash.ts";
import { auditKey } from "./key.ts";
import { chainStatus } from "./status.ts";
import { verifyChain } from "./verify.ts";
import { ENTRY_SELECT } from "./walk.ts";

const dbs: Db[] = [];
afterAll(() => Promise.all(dbs.map((db) => db.$disconnect())));

async function logOf(entries: number): Promise<Db> {
  const url = await freshDatabaseUrl();
  await migrate(url);
  const db = createDb(url);
  dbs.push(db);
  await append(db, entries);
  return db;
}

async function append(db: Db, entries: number) {
  for (let i = 0; i < entries; i++) {
    const entry = { actorId: null, actor: "ops@example.com", action: "cluster.pause", target: "db", outcome: `${i}` };
    await db.$transaction((tx) => appendAudit(tx, entry));
  }
}

const checkpoint = (db: Db) => makeCheckpoint(db, auditKey(), { full: false, log: () => undefined });

/** What someone with the database but not the key can do: edit one, rehash the ones after with plain SHA-256. */
async function rewriteWithoutKey(db: Db, from: number, keyed: boolean, through = Number.MAX_SAFE_INTEGER) {
  const rows = await db.auditEntry.findMany({
    where: { seq: { gte: from - 1, lte: through } },
    orderBy: { seq: "asc" },
    select: ENTRY_SELECT,
  });
  let prevHash = rows[0]!.hash;
  for (const row of rows.slice(1)) {
    const outcome = row.seq === BigInt(from) ? "refused" : row.outcome;
    const { at, actor, action, target, reason, guards, details } = row;
    const fields = { at, actor, action, target, reason, guards, outcome, details, prevHash };
    const hash = auditHash(fields);
    await db.auditEntry.update({ where: { seq: row.seq }, data: { outcome, prevHash, hash, keyed } });
    prevHash = hash;
  }
}

describe("cutting entries off the end of the log", () => {
  it("the newest entry deleted: a signed checkpoint vouches for it", async () => {
    const db = await logOf(30);
    await checkpoint(db);
    expect(await chainStatus(db)).toMatchObject({ verified: true, verifiedThrough: 30, checkpoint: { seq: 30 } });
    await db.$executeRawUnsafe("DELETE FROM audit_entry WHERE seq = 30");
    expect(await chainStatus(db)).toMatchObject({ verified: false, brokenAt: 30, missing: { from: 30, through: 30 } });
    expect(await verifyChain(db)).toMatchObject({ verified: false, brokenAt: 30, missing: { from: 30, through: 30 } });
  });

  it("the newest 20 deleted: found on read, and the leader's next checkpoint records the break", async () => {
    const db = await logOf(30);
    await checkpoint(db);
    await db.$executeRawUnsafe("DELETE FROM audit_entry WHERE seq > 10");
    expect(await chainStatus(db)).toMatchObject({ verified: false, brokenAt: 11, missing: { from: 11, through: 30 } });
    await checkpoint(db);
    const event = await db.event.findFirst({ where: { type: "audit.checkpoint" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ severity: "CRITICAL", details: { seq: 10, verified: false, brokenAt: 11 } });
    // The record stays broken though its checkpoint now stands at #10, which exists.
    expect(await chainStatus(db)).toMatchObject({ verified: false, brokenAt: 11, checkpoint: { seq: 10 } });
  });

  it("entries newer than the newest checkpoint are unguarded until the next one (a minute)", async () => {
    const db = await logOf(10);
    await checkpoint(db);
    await append(db, 3);
    await db.$executeRawUnsafe("DELETE FROM audit_entry WHERE seq > 11");
    expect(await chainStatus(db)).toMatchObject({ verified: true, verifiedThrough: 11 });
  });
});

describe("rewriting an entry and recomputing the chain without the key", () => {
  it("is found by the key: an unkeyed entry after keyed ones, or a keyed one whose HMAC fails", async () => {
    const db = await logOf(10);
    await rewriteWithoutKey(db, 5, false);
    const unkeyed = expect.stringContaining("not keyed");
    expect(await verifyChain(db)).toMatchObject({ verified: false, brokenAt: 5, reason: unkeyed });
    await rewriteWithoutKey(db, 5, true);
    const edited = expect.stringContaining("edited");
    expect(await verifyChain(db)).toMatchObject({ verified: false, brokenAt: 5, reason: edited });
    expect(await chainStatus(db)).toMatchObject({ verified: false, brokenAt: 5 });
  });

  it("is found by the checkpoint on read, whose entry no longer has the hash it signed", async () => {
    const db = await logOf(10);
    await checkpoint(db);
    await rewriteWithoutKey(db, 5, true);
    expect(await chainStatus(db)).toMatchObject({ verified: false, brokenAt: 10 });
  });
});

describe("incremental verification from the newest checkpoint", () => {
  it("reads only entries after it: an older edit is found by the full walk alone", async () => {
    const db = await logOf(10);
    await checkpoint(db);
    await append(db, 2);
    await db.$executeRawUnsafe("UPDATE audit_entry SET outcome = 'refused' WHERE seq = 3");
    // The trade-off: a read answers from the checkpoint on, in milliseconds at any size.
    expect(await chainStatus(db)).toMatchObject({ verified: true, verifiedThrough: 12 });
    expect(await verifyChain(db)).toMatchObject({ verified: false, brokenAt: 3 });
    const walked = await chainStatus(db, { full: true });
    expect(walked).toMatchObject({ verified: false, brokenAt: 3, lastFullWalk: { verified: false } });
    await db.$executeRawUnsafe("UPDATE audit_entry SET outcome = 'refused' WHERE seq = 11");
    expect(await chainStatus(db)).toMatchObject({ verified: false, brokenAt: 11 });
  });
});

describe("entries from before the key", () => {
  it("verify by plain SHA-256 up to the first keyed entry, whose HMAC anchors them", async () => {
    const db = await logOf(0);
    // As the console wrote them before the key: hashed without it, `keyed` false after the migration.
    let prevHash = GENESIS_HASH;
    for (let i = 0; i < 4; i++) {
      const fields = {
        at: new Date(),
        actor: "ops@example.com",
        action: "cluster.pause",
        target: "orders-db",
        reason: null,
        guards: null,
        outcome: "done",
        details: null,
        prevHash,
      };
      prevHash = auditHash(fields);
      await db.auditEntry.create({ data: { ...fields, guards: undefined, details: undefined, hash: prevHash } });
    }
    await append(db, 3);
    expect(await verifyChain(db)).toEqual({ verified: true, entries: 7 });
    await rewriteWithoutKey(db, 2, false, 4);
    expect(await verifyChain(db)).toMatchObject({ verified: false, brokenAt: 5 });
  });
});
