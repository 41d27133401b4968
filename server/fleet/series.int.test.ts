// Chart series and the cluster page's data over a real PostgreSQL: raw buckets for short ranges,
// rollups for long ones, state bands, availability and the worst problem.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedDb, uniqueName } from "../testing/databases.ts";
import { availabilityOf } from "./availability.ts";
import { clusterDetail, recentEvents } from "./cluster-detail.ts";
import { rollUpHours } from "../ingest/rollup.ts";
import { prismaQuery } from "../testing/prisma-query.ts";
import { clusterSeries } from "./series.ts";

const db = sharedDb();
let name = "";
const now = Date.UTC(2026, 10, 23, 12, 0, 0);

beforeAll(async () => {
  name = uniqueName("series");
  const cluster = await db.cluster.create({
    data: {
      name,
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      rpoBudgetBytes: 1000n,
      availabilityTarget: 99.9,
      nodes: {
        create: [
          {
            name: "p",
            region: "eu",
            zone: "eu-a",
            agentUrl: null,
            role: "PRIMARY",
            state: "DOWN",
            confirmedDown: true,
          },
          {
            name: "s",
            region: "eu",
            zone: "eu-b",
            agentUrl: null,
            role: "STANDBY",
            state: "HEALTHY",
            lastStatus: {
              replication: { lagBytes: 10, lagSeconds: 0.1, mode: "sync", upstream: "p" },
              checks: [{ layer: "network", name: "tcp", ok: true }],
            },
          },
        ],
      },
    },
    select: { id: true, nodes: { select: { id: true, name: true } } },
  });
  const id = (n: string) => cluster.nodes.find((x) => x.name === n)!.id;
  // Ten minutes of 1 s samples: p healthy then down for the last two minutes; s lagging 100 → 500 bytes.
  const samples = [];
  for (let i = 600; i > 0; i--) {
    const at = new Date(now - i * 1000);
    samples.push({
      nodeId: id("p"),
      at,
      reachable: i > 120,
      healthy: i > 120,
      role: "PRIMARY" as const,
      state: i > 120 ? ("HEALTHY" as const) : ("DOWN" as const),
      pollLatencyMs: 2,
    });
    samples.push({
      nodeId: id("s"),
      at,
      reachable: true,
      healthy: true,
      role: "STANDBY" as const,
      state: "HEALTHY" as const,
      pollLatencyMs: 3,
      lagBytes: BigInt(i > 300 ? 100 : 500),
    });
  }
  await db.sample.createMany({ data: samples });
  await db.sampleRollup.createMany({
    data: [
      {
        nodeId: id("p"),
        minute: new Date(now - 3 * 86_400_000),
        samples: 60,
        reachableSamples: 60,
        healthySamples: 60,
        servingSamples: 60,
        lagBytesMax: null,
        worstState: "HEALTHY",
      },
      {
        nodeId: id("s"),
        minute: new Date(now - 3 * 86_400_000),
        samples: 60,
        reachableSamples: 60,
        healthySamples: 60,
        servingSamples: 0,
        lagBytesMax: 2048n,
        worstState: "SUSPECT",
      },
    ],
  });
  await rollUpHours(prismaQuery(db), new Date(now - 4 * 86_400_000), new Date(now));
  await db.event.create({
    data: {
      type: "node.down",
      severity: "CRITICAL",
      summary: "p (primary) is down",
      clusterId: cluster.id,
      nodeId: id("p"),
      details: { unreachableBy: 1, reachableBy: 0, peers: 1 },
    },
  });
});

afterAll(() => db.$disconnect());

describe("clusterSeries", () => {
  it("buckets raw samples for 15 minutes, a column per node, with state bands", async () => {
    const series = await clusterSeries(db, name, "15m", now);
    expect(series).toMatchObject({ bucketMs: 5_000, source: "raw", nodes: ["p", "s"] });
    expect(series.lagBytes.length).toBe(120);
    expect(series.lagBytes[0]).toMatchObject({ s: 100, p: null });
    expect(series.lagBytes.at(-1)).toMatchObject({ s: 500 });
    expect(series.health.p!.map((b) => b.state)).toEqual(["HEALTHY", "DOWN"]);
    expect(series.health.p![1]!.to - series.health.p![1]!.from).toBe(120_000);
    expect(series.health.s!.map((b) => b.state)).toEqual(["HEALTHY"]);
  });

  it("reads only a zoomed span's buckets", async () => {
    const series = await clusterSeries(db, name, { from: now - 300_000, to: now - 120_000 }, now);
    expect(series).toMatchObject({ from: now - 300_000, to: now - 120_000, bucketMs: 5_000, source: "raw" });
    expect(series.lagBytes.length).toBe(37);
    expect(series.lagBytes.every((row) => row.t >= now - 300_000 && row.t <= now - 120_000)).toBe(true);
    expect(series.health.p!.map((b) => b.state)).toEqual(["HEALTHY", "DOWN"]);
  });

  it("reads the hourly rollups, not raw samples, for 7 days", async () => {
    const series = await clusterSeries(db, name, "7d", now);
    expect(series).toMatchObject({ bucketMs: 3_600_000, source: "hourly" });
    expect(series.lagBytes).toEqual([{ t: expect.any(Number), p: null, s: 2048 }]);
    expect(series.health.s![0]!.state).toBe("SUSPECT");
  });
});

describe("clusterDetail", () => {
  it("gives the worst problem in words, the nodes with their checks, and recent events", async () => {
    const detail = await clusterDetail(db, name);
    expect(detail?.problem).toEqual({ severity: "critical", text: "primary p down, confirmed by 1/1 peers" });
    expect(detail?.nodes.find((n) => n.name === "s")).toMatchObject({
      replication: { bytes: 10, mode: "sync", upstream: "p" },
      checks: [{ layer: "network", ok: true }],
    });
    expect((await recentEvents(db, name, 10)).map((e) => e.type)).toEqual(["node.down"]);
    expect(await clusterDetail(db, "no-such-cluster")).toBeNull();
  });

  it("computes availability against the target's monthly budget", () => {
    expect(availabilityOf(99.9, 1000, 990)).toMatchObject({ percent: 99, downMinutes: 10 });
  });
});
