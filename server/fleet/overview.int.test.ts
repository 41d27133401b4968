import { afterAll, describe, expect, it } from "vitest";
import { sharedDb, uniqueName } from "../testing/databases.ts";
import { listClusterSummaries } from "./overview.ts";

const db = sharedDb();
afterAll(() => db.$disconnect());

describe("listClusterSummaries", () => {
  it("counts node states per cluster and puts clusters with down nodes first", async () => {
    const calm = uniqueName("calm");
    const burning = uniqueName("burning");
    await db.cluster.create({
      data: {
        name: calm,
        mode: "ACTIVE_ACTIVE",
        system: "http",
        nodes: {
          create: [
            { name: "a", region: "r", zone: "z", role: "ACTIVE", state: "HEALTHY", agentUrl: "http://127.0.0.1:1" },
          ],
        },
      },
    });
    await db.cluster.create({
      data: {
        name: burning,
        mode: "ACTIVE_PASSIVE",
        system: "postgresql",
        nodes: {
          create: [
            { name: "p", region: "r", zone: "z", role: "PRIMARY", state: "DOWN", agentUrl: "http://127.0.0.1:2" },
            { name: "s", region: "r", zone: "z", role: "STANDBY", state: "HEALTHY", agentUrl: "http://127.0.0.1:3" },
          ],
        },
      },
    });

    const summaries = await listClusterSummaries(db);
    const names = summaries.map((s) => s.name);
    expect(names.indexOf(burning)).toBeLessThan(names.indexOf(calm));
    const hot = summaries.find((s) => s.name === burning)!;
    expect(hot).toMatchObject({
      mode: "active-passive",
      nodeCount: 2,
      states: { HEALTHY: 1, SUSPECT: 0, DOWN: 1, UNKNOWN: 0 },
    });
    expect(hot.nodes.map((n) => [n.name, n.role, n.state])).toEqual([
      ["p", "primary", "DOWN"],
      ["s", "standby", "HEALTHY"],
    ]);
  });

  it("reads lag, traffic and capacity off each node's last status", async () => {
    const replicated = uniqueName("replicated");
    const balanced = uniqueName("balanced");
    const standby = (lagBytes: number, lagSeconds: number) => ({
      replication: { upstream: "p", mode: "sync", lagBytes, lagSeconds },
    });
    const active = (requestsPerSec: number) => ({
      traffic: { state: "ready", requestsPerSec },
      capacity: { maxRequestsPerSec: 1000 },
    });
    const node = (name: string, role: "PRIMARY" | "STANDBY" | "ACTIVE", region: string, lastStatus: object) => ({
      name,
      region,
      zone: `${region}-a`,
      role,
      state: "HEALTHY" as const,
      agentUrl: `http://127.0.0.1/${name}`,
      lastStatus,
    });
    await db.cluster.create({
      data: {
        name: replicated,
        mode: "ACTIVE_PASSIVE",
        system: "postgresql",
        nodes: {
          create: [
            node("p", "PRIMARY", "eu", {}),
            node("s1", "STANDBY", "eu", standby(2048, 0.5)),
            {
              ...node("s2", "STANDBY", "us", {
                ...standby(8192, 1.5),
                checks: [{ layer: "application", name: "sql", ok: false }],
              }),
              degraded: true,
            },
          ],
        },
      },
    });
    await db.cluster.create({
      data: {
        name: balanced,
        mode: "ACTIVE_ACTIVE",
        system: "http",
        nodes: {
          create: [
            node("a", "ACTIVE", "eu", active(300)),
            node("b", "ACTIVE", "us", active(100)),
            node("c", "ACTIVE", "eu", active(0)),
          ],
        },
      },
    });

    const summaries = await listClusterSummaries(db);
    const lagged = summaries.find((s) => s.name === replicated)!;
    expect(lagged.worstLag).toMatchObject({ node: "s2", bytes: 8192, seconds: 1.5 });
    expect(lagged.problem).toEqual({ severity: "warning", text: "s2 answers but fails sql" });
    expect(lagged.readiness.reasons.find((r) => r.id === "standby-capacity")?.text).toBe(
      "2 healthy standbys: s1, s2; s1, s2 sync",
    );
    const traffic = summaries.find((s) => s.name === balanced)!;
    expect(traffic.trafficByRegion).toEqual([
      { region: "eu", requestsPerSec: 300, share: 0.75 },
      { region: "us", requestsPerSec: 100, share: 0.25 },
    ]);
    expect(traffic.readiness.reasons.find((r) => r.id === "standby-capacity")?.text).toBe(
      "N-1 holds: 400 req/s now, 2000 req/s capacity without a (the largest)",
    );
  });
});
