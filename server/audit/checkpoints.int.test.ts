// The leader checkpoints the audit chain: as its term begins and whenever the log grew, signed, in
// its own table, in the log and as an audit.checkpoint event for the endpoints that name it; every
// 24 hours it walks the whole log and records what it found; and a checkpoint it made that
// disappears is reported, though the database alone no longer shows it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newWebhookSecret } from "../alerts/signature.ts";
import { startControl, type Control } from "../control/control.ts";
import { CONTROL_DEFAULTS } from "../control/options.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { waitFor } from "../testing/fleet-harness.ts";
import { appendAudit } from "./append.ts";
import { AuditCheckpoints } from "./checkpoint-task.ts";
import { chainStatus } from "./status.ts";

const dbs: Db[] = [];
afterAll(() => Promise.all(dbs.map((db) => db.$disconnect())));

async function logOf(entries: number): Promise<{ url: string; db: Db }> {
  const url = await freshDatabaseUrl();
  await migrate(url);
  const db = createDb(url);
  dbs.push(db);
  await append(db, entries);
  return { url, db };
}

async function append(db: Db, entries: number) {
  for (let i = 0; i < entries; i++) {
    const entry = { actorId: null, actor: "system", action: "test", target: "t", outcome: `#${i}` };
    await db.$transaction((tx) => appendAudit(tx, entry));
  }
}

const checkpointAt = (db: Db, seq: number) =>
  waitFor(`a checkpoint of entry #${seq}`, () =>
    db.auditCheckpoint.findFirst({ where: { seq }, orderBy: { id: "desc" } }),
  );

describe("the leader's checkpoints", () => {
  let log: { url: string; db: Db };
  let control: Control;
  const lines: string[] = [];

  beforeAll(async () => {
    log = await logOf(5);
    const endpoint = (events: string[]) =>
      log.db.webhookEndpoint.create({
        data: { url: "https://hooks.invalid/audit", events, secret: newWebhookSecret() },
        select: { id: true },
      });
    await Promise.all([endpoint(["audit.checkpoint"]), endpoint(["*"])]);
    control = startControl({
      ...CONTROL_DEFAULTS,
      databaseUrl: log.url,
      instanceId: "audit-checkpoints",
      tokenFor: () => "",
      log: (line) => lines.push(line),
      leaderCheckMs: 100,
      auditCheckpointMs: 300,
    });
  });

  afterAll(() => control?.stop());

  it("signs the head as its term begins, after a full walk, for the endpoints that name the event", async () => {
    const first = await checkpointAt(log.db, 5);
    expect(first).toMatchObject({ verified: true, fullWalk: true, brokenAt: null });
    const event = await log.db.event.findFirstOrThrow({
      where: { type: "audit.checkpoint" },
      include: { deliveries: { select: { endpoint: { select: { events: true } } } } },
    });
    const details = { seq: 5, hash: first.hash, verified: true, signature: first.signature };
    expect(event).toMatchObject({ severity: "INFO", clusterId: null, details });
    // "*" does not bring a checkpoint every minute; naming the event does.
    expect(event.deliveries.map((d) => d.endpoint.events)).toEqual([["audit.checkpoint"]]);
    const said = `Audit checkpoint #${first.id}: entry #5, hash ${first.hash}, verified after a full walk of 5 entries`;
    expect(lines).toContainEqual(expect.stringContaining(said));
  });

  it("signs the head again when the log grew, from the checkpoint before", async () => {
    await append(log.db, 3);
    expect(await checkpointAt(log.db, 8)).toMatchObject({ verified: true, fullWalk: false });
    expect(await chainStatus(log.db)).toMatchObject({
      verified: true,
      verifiedThrough: 8,
      checkpoint: { seq: 8 },
      lastFullWalk: { verified: true },
    });
  });
});

describe("the leader's cadence, on a clock of the test's", () => {
  let now = Date.parse("2026-12-02T00:00:00.000Z");
  const clock = () => now;
  const quiet = { everyMs: 60_000, log: () => undefined };

  it("walks the whole log every 24 hours and records what it found", async () => {
    const { db } = await logOf(10);
    const task = new AuditCheckpoints(quiet, clock);
    await task.tick({ epoch: 1, db });
    await db.$executeRawUnsafe("UPDATE audit_entry SET outcome = 'refused' WHERE seq = 3");
    await append(db, 2);
    now += 61_000;
    await task.tick({ epoch: 1, db });
    // From the checkpoint on, an edit before it goes unseen ...
    expect(await chainStatus(db)).toMatchObject({ verified: true, checkpoint: { seq: 12 } });
    now += 24 * 3_600_000;
    await task.tick({ epoch: 1, db });
    // ... until the nightly walk, whose record every read then shows.
    const lastFullWalk = { verified: false, brokenAt: 3 };
    expect(await chainStatus(db)).toMatchObject({ verified: false, brokenAt: 3, lastFullWalk });
  });

  it("reports a checkpoint it made that is gone with the entries it vouched for", async () => {
    const { db } = await logOf(30);
    const task = new AuditCheckpoints(quiet, clock);
    await task.tick({ epoch: 1, db });
    await db.$executeRawUnsafe("DELETE FROM audit_entry WHERE seq > 10");
    await db.$executeRawUnsafe("DELETE FROM audit_checkpoint");
    // Nothing left in the database shows it: the copies in the log and at the receivers do, and the leader.
    expect(await chainStatus(db)).toMatchObject({ verified: true, verifiedThrough: 10 });
    now += 61_000;
    await task.tick({ epoch: 1, db });
    const reason = expect.stringMatching(/checkpoint #\d+ \(entry #30\), made by this leader .* is gone/);
    expect(await chainStatus(db)).toMatchObject({ verified: false, reason });
  });
});
