// The audit chain verifies as written, and reports where it breaks when a row is edited or deleted
// behind the console's back.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { appendAudit } from "./append.ts";
import { auditCsv, listAudit } from "./list.ts";
import { verifyChain } from "./verify.ts";

let db: Db;

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
  for (const [i, action] of ["cluster.pause", "action.failover", "guard.override", "cluster.resume"].entries()) {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        actorId: null,
        actor: "ops@example.com",
        action,
        target: `orders-db/n${i}`,
        reason: `reason, "${i}"`,
        outcome: "done",
        guards: [{ id: "cooldown", ok: true }],
        details: { i },
      }),
    );
  }
});

afterAll(() => db?.$disconnect());

it("verifies an untouched chain, filters and exports it", async () => {
  expect(await verifyChain(db)).toEqual({ verified: true, entries: 4 });
  const failovers = await listAudit(db, { limit: 10, action: "action." });
  expect(failovers.map((e) => e.action)).toEqual(["action.failover"]);
  const byCluster = await listAudit(db, { limit: 2, cluster: "orders-db" });
  expect(byCluster.map((e) => e.seq)).toEqual([4, 3]);
  expect((await listAudit(db, { limit: 10, before: 3 })).map((e) => e.seq)).toEqual([2, 1]);
  expect((await listAudit(db, { limit: 10, q: "OVERRIDE" })).map((e) => e.action)).toEqual(["guard.override"]);
  const csv = auditCsv(await listAudit(db, { limit: 1 }));
  expect(csv.split("\n")[0]).toBe("seq,at,actor,action,target,reason,outcome,guards,details,hash");
  expect(csv).toContain('"reason, ""3"""');
});

it("reports the first edited entry", async () => {
  await db.$executeRawUnsafe(`UPDATE audit_entry SET outcome = 'refused' WHERE seq = 2`);
  expect(await verifyChain(db)).toMatchObject({ verified: false, brokenAt: 2 });
});

it("reports a deletion where the chain no longer links", async () => {
  await db.$executeRawUnsafe(`UPDATE audit_entry SET outcome = 'done' WHERE seq = 2`);
  expect(await verifyChain(db)).toMatchObject({ verified: true });
  await db.$executeRawUnsafe(`DELETE FROM audit_entry WHERE seq = 3`);
  expect(await verifyChain(db)).toMatchObject({ verified: false, brokenAt: 4 });
});
