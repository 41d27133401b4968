// The global halt blocks automatic failover until it is lifted; setting it twice changes nothing
// the second time; every request is audited, the one that changed nothing as "unchanged".
import { afterAll, beforeAll, expect, it } from "vitest";
import { AutoFailover } from "../actions/auto-failover.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { haltState, setHalt } from "./halt.ts";

let db: Db;
const operator = { id: null, email: "op@example.com" };

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
  await db.cluster.create({
    data: {
      name: "auto",
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      policy: "AUTOMATIC",
      rpoBudgetBytes: 1n << 30n,
      nodes: {
        create: [
          {
            name: "p",
            region: "r",
            zone: "z",
            agentUrl: "http://127.0.0.1:9",
            role: "PRIMARY",
            state: "DOWN",
            confirmedDown: true,
            stateChangedAt: new Date(),
          },
          {
            name: "s",
            region: "r",
            zone: "z",
            agentUrl: "http://127.0.0.1:9",
            role: "STANDBY",
            state: "HEALTHY",
            lastStatus: { replication: { lagBytes: 0, mode: "sync" } },
          },
        ],
      },
    },
  });
});

afterAll(() => db?.$disconnect());

it("blocks automatic failover while on, idempotently and audited", async () => {
  expect(await setHalt(db, operator, true, "game day paused")).toMatchObject({
    active: true,
    by: "op@example.com",
    reason: "game day paused",
  });
  const again = await setHalt(db, operator, true, "pressed twice");
  expect(again.reason).toBe("game day paused");
  await new AutoFailover(() => undefined).tick(db);
  expect(await db.action.count()).toBe(0);

  expect(await setHalt(db, operator, false, "resume")).toMatchObject({ active: false });
  expect((await haltState(db)).active).toBe(false);
  await new AutoFailover(() => undefined).tick(db);
  expect(await db.action.findMany({ select: { type: true, automatic: true, targetNode: true } })).toEqual([
    { type: "FAILOVER", automatic: true, targetNode: "s" },
  ]);
  const audit = await db.auditEntry.findMany({
    where: { action: { startsWith: "halt." } },
    orderBy: { seq: "asc" },
    select: { action: true, outcome: true, reason: true },
  });
  expect(audit).toEqual([
    { action: "halt.on", outcome: "halted", reason: "game day paused" },
    { action: "halt.on", outcome: "unchanged", reason: "pressed twice" },
    { action: "halt.off", outcome: "lifted", reason: "resume" },
  ]);
});
