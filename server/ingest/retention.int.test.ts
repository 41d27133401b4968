// Retention on a database of its own: what is past its time goes, in every table it covers, and
// nothing else does (the audit log is kept whatever its age).
import { afterAll, beforeAll, expect, it } from "vitest";
import { appendAudit } from "../audit/append.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { prismaQuery } from "../testing/prisma-query.ts";
import { applyRetention } from "./rollup.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.UTC(2026, 11, 1, 12);
const ago = (ms: number) => new Date(now - ms);
let db: Db;

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
});

afterAll(() => db?.$disconnect());

const title =
  "deletes samples, rollups and events past their retention, with their webhook deliveries, and keeps the audit log";
it(title, async () => {
  const cluster = await db.cluster.create({
    data: {
      name: "kept",
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      nodes: { create: { name: "n", region: "r", zone: "z", agentUrl: "http://127.0.0.1:1" } },
    },
    select: { id: true, nodes: { select: { id: true } } },
  });
  const nodeId = cluster.nodes[0]!.id;
  const sample = (at: Date) => ({
    nodeId,
    at,
    reachable: true,
    healthy: true,
    role: "PRIMARY" as const,
    state: "HEALTHY" as const,
  });
  await db.sample.createMany({ data: [sample(ago(49 * HOUR)), sample(ago(47 * HOUR))] });
  const rollup = (minute: Date) => ({
    nodeId,
    minute,
    samples: 6,
    reachableSamples: 6,
    healthySamples: 6,
    worstState: "HEALTHY" as const,
  });
  await db.sampleRollup.createMany({ data: [rollup(ago(91 * DAY)), rollup(ago(89 * DAY))] });
  const hour = (at: Date) => ({ nodeId, hour: at, samples: 360, healthySamples: 360, worstState: "HEALTHY" as const });
  await db.sampleRollupHour.createMany({ data: [hour(ago(91 * DAY)), hour(ago(89 * DAY))] });
  await db.clusterUptimeHour.createMany({
    data: [ago(91 * DAY), ago(89 * DAY)].map((at) => ({
      clusterId: cluster.id,
      hour: at,
      observedMinutes: 60,
      upMinutes: 60,
    })),
  });
  await db.webhookEndpoint.create({
    data: { url: "https://hooks.example.com/x", events: ["*"], secret: "whsec_test" },
  });
  const event = (at: Date, summary: string) =>
    db.event.create({ data: { at, type: "node.down", severity: "CRITICAL", summary, clusterId: cluster.id } });
  await event(ago(366 * DAY), "old");
  await event(ago(364 * DAY), "recent");
  await db.$transaction((tx) =>
    appendAudit(tx, { actorId: null, actor: "system", action: "test", target: "kept/-", outcome: "ok" }),
  );
  await db.auditEntry.updateMany({ data: { at: ago(5 * 365 * DAY) } });

  const retention = { sampleMs: 48 * HOUR, rollupMs: 90 * DAY, eventMs: 365 * DAY };
  const deleted = await applyRetention((work) => work(prismaQuery(db)), now, retention);

  expect(deleted).toBe(5);
  expect((await db.sample.findMany({ select: { at: true } })).map((s) => s.at)).toEqual([ago(47 * HOUR)]);
  expect((await db.sampleRollup.findMany({ select: { minute: true } })).map((r) => r.minute)).toEqual([ago(89 * DAY)]);
  expect((await db.sampleRollupHour.findMany({ select: { hour: true } })).map((r) => r.hour)).toEqual([ago(89 * DAY)]);
  expect((await db.clusterUptimeHour.findMany({ select: { hour: true } })).map((r) => r.hour)).toEqual([ago(89 * DAY)]);
  expect((await db.event.findMany({ select: { summary: true } })).map((e) => e.summary)).toEqual(["recent"]);
  expect(await db.webhookDelivery.count()).toBe(1);
  expect(await db.auditEntry.count()).toBe(1);
});
