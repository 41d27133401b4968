import { afterAll, describe, expect, it } from "vitest";
import type { NodeRole, NodeState } from "../db/generated/enums.ts";
import { sharedDb, uniqueName } from "../testing/databases.ts";
import { openCriticalConditions } from "./critical.ts";
import { listClusterSummaries } from "./overview.ts";

const db = sharedDb();
afterAll(() => db.$disconnect());

type Seed = { name: string; role: NodeRole; state: NodeState; degraded?: boolean; lastStatus?: object };

async function cluster(prefix: string, nodes: Seed[], extra: { splitBrain?: boolean } = {}) {
  const name = uniqueName(prefix);
  await db.cluster.create({
    data: {
      name,
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      ...extra,
      nodes: {
        create: nodes.map((n) => ({ ...n, region: "r", zone: "z", agentUrl: `http://127.0.0.1/${name}/${n.name}` })),
      },
    },
  });
  return name;
}

describe("openCriticalConditions", () => {
  it("names each cluster whose worst problem is critical, in the words of its problem line", async () => {
    const down = await cluster("primary-down", [
      { name: "p", role: "PRIMARY", state: "DOWN" },
      { name: "s", role: "STANDBY", state: "HEALTHY" },
    ]);
    const failing = await cluster("primary-failing", [
      {
        name: "p",
        role: "PRIMARY",
        state: "HEALTHY",
        degraded: true,
        lastStatus: { checks: [{ layer: "application", name: "sql", ok: false }] },
      },
      { name: "s", role: "STANDBY", state: "HEALTHY" },
    ]);
    const split = await cluster(
      "split",
      [
        { name: "a", role: "PRIMARY", state: "HEALTHY" },
        { name: "b", role: "PRIMARY", state: "HEALTHY" },
      ],
      { splitBrain: true },
    );
    const standbyDown = await cluster("standby-down", [
      { name: "p", role: "PRIMARY", state: "HEALTHY" },
      { name: "s", role: "STANDBY", state: "DOWN" },
    ]);
    const calm = await cluster("calm", [
      { name: "p", role: "PRIMARY", state: "HEALTHY" },
      { name: "s", role: "STANDBY", state: "HEALTHY" },
    ]);

    const critical = await openCriticalConditions(db);
    const of = (name: string) => critical.filter((c) => c.cluster === name);
    expect(of(down)).toEqual([{ cluster: down, text: "primary p down, not confirmed by its peers" }]);
    expect(of(failing)).toEqual([{ cluster: failing, text: "primary p answers but its service fails sql" }]);
    expect(of(split)).toEqual([{ cluster: split, text: "split-brain: 2 nodes report primary (a, b)" }]);
    expect(of(standbyDown)).toEqual([]);
    expect(of(calm)).toEqual([]);

    const overview = await listClusterSummaries(db);
    for (const condition of critical) {
      expect(overview.find((c) => c.name === condition.cluster)?.problem).toMatchObject({
        severity: "critical",
        text: condition.text,
      });
    }
    // The fix offered is the standby the guards' own choice names; an unconfirmed loss offers none.
    const problemOf = (name: string) => overview.find((c) => c.name === name)?.problem;
    expect(problemOf(failing)?.fix).toMatchObject({ type: "switchover", target: "s" });
    expect(problemOf(down)?.fix).toBeUndefined();
  });
});
