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
        nodes: { create: [{ name: "a", region: "r", zone: "z", role: "ACTIVE", state: "HEALTHY", agentUrl: "http://127.0.0.1:1" }] },
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
    expect(hot.nodes.map((n) => [n.name, n.role, n.state])).toEqual([["p", "primary", "DOWN"], ["s", "standby", "HEALTHY"]]);
  });
});
