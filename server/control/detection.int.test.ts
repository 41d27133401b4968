// Detection end to end: the control loop polls simulated agents over real HTTP on 127.0.0.1 and
// stores what it decides; faults are injected through the agents' action endpoint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectionBoundMs } from "../detection/bound.ts";
import { eventsOf, startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { startControl, type Control } from "./control.ts";

const settings = { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 };

let fleet: Fleet;
let control: Control;

const node = (name: string) =>
  fleet.db.node.findFirstOrThrow({
    where: { name, clusterId: fleet.clusterId },
    select: { state: true, role: true, confirmedDown: true, isolated: true },
  });

const allHealthy = async () => {
  const nodes = await fleet.db.node.findMany({ where: { clusterId: fleet.clusterId }, select: { state: true } });
  return nodes.every((n) => n.state === "HEALTHY");
};

/** Injects a fault and returns when (by this clock) it was injected. */
async function inject(name: string, params: Record<string, unknown>) {
  const at = Date.now();
  expect(await fleet.act(name, "inject-fault", params)).toMatchObject({ status: "done" });
  return at;
}

beforeAll(async () => {
  fleet = await startFleet({
    settings,
    nodes: [
      { name: "db-1", role: "primary" },
      { name: "db-2", role: "standby", upstream: "db-1" },
      { name: "db-3", role: "standby", upstream: "db-1", region: "us-east" },
    ],
  });
  control = startControl(fleet.controlOptions());
  await waitFor("every node healthy", allHealthy);
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
});

describe("detection over real HTTP", () => {
  it("detects a crashed primary as DOWN within the bound, confirmed by its peers", async () => {
    const injectedAt = await inject("db-1", { kind: "crash" });
    const down = await waitFor("node.down", async () =>
      (await eventsOf(fleet.db, fleet.clusterId, "node.down")).at(-1),
    );
    const detectionMs = down.at.getTime() - injectedAt;
    expect(detectionMs).toBeLessThanOrEqual(detectionBoundMs(settings));
    expect(down.summary).toMatch(/db-1 \(primary\) is down: 3 polls failed in a row .*confirmed by 2\/2 peers/);
    expect(await node("db-1")).toMatchObject({ state: "DOWN", confirmedDown: true, isolated: false });

    await fleet.act("db-1", "clear-fault");
    await waitFor("db-1 recovered", async () => (await node("db-1")).state === "HEALTHY");
    expect((await eventsOf(fleet.db, fleet.clusterId, "node.recovered")).map((e) => e.node?.name)).toEqual(["db-1"]);
  });

  it("does not flap a node on one slow answer", async () => {
    const before = (await eventsOf(fleet.db, fleet.clusterId, "node.down")).length;
    await inject("db-2", { kind: "slow", delayMs: 400 });
    await waitFor("db-2 suspect", async () => (await node("db-2")).state === "SUSPECT", 5_000, 10);
    await fleet.act("db-2", "clear-fault");
    await waitFor("db-2 healthy again", async () => (await node("db-2")).state === "HEALTHY");
    expect((await eventsOf(fleet.db, fleet.clusterId, "node.down")).length).toBe(before);
  });

  it("calls a primary only the console cannot reach isolated, not down", async () => {
    await inject("db-1", { kind: "partition", side: "console" });
    // db-1's own: a loaded runner may have called db-2 isolated during the slow-answer test.
    const isolated = await waitFor("node.isolated", async () =>
      (await eventsOf(fleet.db, fleet.clusterId, "node.isolated")).findLast((e) => e.node?.name === "db-1"),
    );
    expect(isolated.summary).toMatch(/db-1 \(primary\) is isolated: .*2\/2 peers still reach it; no failover/);
    expect(await node("db-1")).toMatchObject({ confirmedDown: false, isolated: true });
    await fleet.act("db-1", "clear-fault");
    await waitFor("db-1 healthy again", async () => (await node("db-1")).state === "HEALTHY");
    expect(await node("db-1")).toMatchObject({ confirmedDown: false, isolated: false });
  });

  it("raises split-brain when two nodes report primary, and resolves it", async () => {
    await fleet.act("db-2", "promote");
    const split = await waitFor("split_brain", async () =>
      (await eventsOf(fleet.db, fleet.clusterId, "split_brain")).at(-1),
    );
    expect(split.summary).toMatch(/2 nodes report primary \(db-1, db-2\): split-brain; failover is blocked/);
    expect((await fleet.db.cluster.findUniqueOrThrow({ where: { id: fleet.clusterId } })).splitBrain).toBe(true);
    expect(await node("db-2")).toMatchObject({ role: "PRIMARY" });

    await fleet.act("db-2", "demote", { upstream: "db-1" });
    await waitFor(
      "split_brain.resolved",
      async () => (await eventsOf(fleet.db, fleet.clusterId, "split_brain.resolved")).length > 0,
    );
    expect((await fleet.db.cluster.findUniqueOrThrow({ where: { id: fleet.clusterId } })).splitBrain).toBe(false);
  });

  it("stores a sample per poll, in batches, and rolls them up per minute", async () => {
    const samples = await fleet.db.sample.count({ where: { node: { clusterId: fleet.clusterId } } });
    expect(samples).toBeGreaterThan(20);
    const { rollUp } = await import("../ingest/rollup.ts");
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: fleet.databaseUrl });
    await client.connect();
    try {
      await rollUp(
        (sql, params) => client.query(sql, params as unknown[]),
        new Date(Date.now() - 3_600_000),
        new Date(Date.now() + 60_000),
      );
    } finally {
      await client.end();
    }
    const rollups = await fleet.db.sampleRollup.findMany({
      where: { node: { clusterId: fleet.clusterId } },
      select: { samples: true },
    });
    expect(rollups.reduce((sum, r) => sum + r.samples, 0)).toBeGreaterThanOrEqual(samples);
  });
});
