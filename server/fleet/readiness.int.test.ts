import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { DrillScenario } from "../db/generated/enums.ts";
import { migrate } from "../db/migrate.ts";
import { rollUpHours } from "../ingest/rollup.ts";
import { prismaQuery } from "../testing/prisma-query.ts";
import { freshDatabaseUrl, uniqueName } from "../testing/databases.ts";
import { clusterDetail } from "./cluster-detail.ts";
import { listClusterSummaries } from "./overview.ts";
import { loadReadiness, READINESS_CLUSTER_SELECT, READINESS_NODE_SELECT, readinessNode } from "./readiness-inputs.ts";

const DAY = 86_400_000;
const now = Date.now();
let db: Db;

beforeAll(async () => {
  // Webhook endpoints are console-wide: this file needs a database whose endpoints are its own.
  const url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
});
afterAll(() => db.$disconnect());

async function seedCluster() {
  const cluster = await db.cluster.create({
    data: {
      name: uniqueName("ready"),
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      rpoBudgetBytes: 64n * 1024n * 1024n,
      rpoBudgetSeconds: 30,
      nodes: {
        create: [
          { name: "p", region: "r", zone: "z", role: "PRIMARY", state: "HEALTHY" },
          { name: "s", region: "r", zone: "z", role: "STANDBY", state: "HEALTHY", replicationMode: "SYNC" },
        ],
      },
    },
    select: { id: true, name: true, nodes: { where: { name: "s" }, select: { id: true } } },
  });
  const standby = cluster.nodes[0]!.id;
  const drill = { clusterId: cluster.id, scenario: DrillScenario.PRIMARY_CRASH, reason: "readiness test" };
  await db.drill.createMany({
    data: [
      { ...drill, status: "SUCCEEDED", verdict: "PASS", finishedAt: new Date(now - 2 * DAY) },
      // A later failed drill does not hide the last successful one.
      { ...drill, status: "FAILED", verdict: "FAIL", finishedAt: new Date(now - DAY) },
    ],
  });
  const rollup = {
    nodeId: standby,
    samples: 60,
    reachableSamples: 60,
    healthySamples: 60,
    worstState: "HEALTHY" as const,
  };
  await db.sampleRollup.createMany({
    data: [
      { ...rollup, minute: new Date(now - 3_600_000), lagBytesMax: 2048n, lagSecondsMax: 1.5 },
      // Older than the day: its lag is past the budget but out of the window.
      { ...rollup, minute: new Date(now - 2 * DAY), lagBytesMax: 1n << 40n, lagSecondsMax: 900 },
    ],
  });
  await rollUpHours(prismaQuery(db), new Date(now - 3 * DAY), new Date(now));
  return cluster;
}

async function readinessOf(clusterId: string) {
  const clusters = await db.cluster.findMany({
    where: { id: clusterId },
    select: { ...READINESS_CLUSTER_SELECT, nodes: { select: READINESS_NODE_SELECT } },
  });
  const judge = await loadReadiness(
    db,
    clusters.map((c) => c.id),
    now,
  );
  return judge({ ...clusters[0]!, nodes: clusters[0]!.nodes.map(readinessNode) });
}

const states = (reasons: { id: string; state: string }[]) => Object.fromEntries(reasons.map((r) => [r.id, r.state]));

describe("loadReadiness", () => {
  const title =
    "reads the last passed drill, the day's worst lag and the missing webhook endpoint for a seeded cluster";
  it(title, async () => {
    const cluster = await seedCluster();
    const readiness = await readinessOf(cluster.id);
    expect(states(readiness.reasons)).toEqual({
      "last-drill": "pass",
      "standby-capacity": "pass",
      "lag-vs-rpo": "pass",
      "detection-vs-rto": "pass",
      webhooks: "fail",
    });
    expect(readiness.reasons.find((r) => r.id === "last-drill")?.text).toMatch(/^last successful drill 2 d ago/);
    expect(readiness.reasons.find((r) => r.id === "lag-vs-rpo")?.text).toBe(
      "worst lag in 24 h 2 KiB / 1.5 s against an RPO budget of 64 MiB / 30 s",
    );
    expect(readiness).toMatchObject({ score: 80, worst: "fail" });
  });

  it("warns about an endpoint whose last delivery attempt of the day failed, and names it by its host", async () => {
    const cluster = await seedCluster();
    const endpoint = await db.webhookEndpoint.create({
      data: { url: "https://hooks.example.com/services/SECRET", events: ["node.down"], secret: "whsec_test" },
      select: { id: true },
    });
    await db.event.create({
      data: { type: "node.down", severity: "CRITICAL", summary: "s down", clusterId: cluster.id },
    });
    await db.webhookDelivery.updateMany({
      where: { endpointId: endpoint.id },
      data: { status: "FAILED", attemptCount: 3, nextAttemptAt: null },
    });

    const reason = (await readinessOf(cluster.id)).reasons.find((r) => r.id === "webhooks");
    expect(reason).toEqual({
      id: "webhooks",
      state: "warn",
      text: "alerts go to hooks.example.com; the last delivery attempt in 24 h to hooks.example.com did not succeed",
    });
    await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
  });

  it("is part of the overview and the cluster page", async () => {
    const cluster = await seedCluster();
    const summary = (await listClusterSummaries(db)).find((s) => s.name === cluster.name);
    expect(summary?.readiness.reasons.map((r) => r.id)).toEqual([
      "last-drill",
      "standby-capacity",
      "lag-vs-rpo",
      "detection-vs-rto",
      "webhooks",
    ]);
    expect((await clusterDetail(db, cluster.name))?.readiness.score).toBe(summary?.readiness.score);
  });
});
