// The alerts migration opens an alert for every condition the fleet's state holds at the time,
// dated by its latest event where retention kept one.
import { afterAll, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate, readMigrations } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";

let db: Db | undefined;
afterAll(() => db?.$disconnect());

it("backfills the open conditions from the nodes' and clusters' state", async () => {
  const url = await freshDatabaseUrl();
  const all = readMigrations();
  const alerts = all.findIndex((m) => m.name.endsWith("_alerts"));
  await migrate(url, all.slice(0, alerts));
  db = createDb(url);
  // In SQL: the client would write columns later migrations add, which this database lacks yet.
  const cluster = { id: "cluster-before" };
  await db.$executeRaw`INSERT INTO cluster (id, name, mode, system, "splitBrain", "updatedAt")
    VALUES (${cluster.id}, 'before', 'ACTIVE_PASSIVE', 'postgresql', true, now())`;
  const node = (name: string, data: object) =>
    db!.node.create({ data: { clusterId: cluster.id, name, region: "r", zone: "z", ...data }, select: { id: true } });
  const p = await node("p", { role: "PRIMARY", state: "DOWN", confirmedDown: true });
  const s = await node("s", { role: "STANDBY", state: "HEALTHY", lagOver: true });
  await node("t", { role: "STANDBY", state: "HEALTHY" });
  const downAt = new Date("2026-12-01T09:00:00Z");
  const down = await db.event.create({
    data: {
      at: downAt,
      type: "node.confirmed_down",
      severity: "CRITICAL",
      summary: "p",
      clusterId: cluster.id,
      nodeId: p.id,
    },
  });
  await migrate(url);
  const rows = await db.alert.findMany({
    orderBy: { type: "asc" },
    select: { type: true, nodeId: true, severity: true, openedAt: true, openedEventId: true },
  });
  expect(rows).toEqual([
    { type: "lag.over", nodeId: s.id, severity: "WARNING", openedAt: expect.any(Date), openedEventId: null },
    { type: "node.confirmed_down", nodeId: p.id, severity: "CRITICAL", openedAt: downAt, openedEventId: down.id },
    { type: "split_brain", nodeId: null, severity: "CRITICAL", openedAt: expect.any(Date), openedEventId: null },
  ]);
});
