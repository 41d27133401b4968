// After a failover the console's record follows what it did, and a former primary never becomes a
// second writer: it is fenced again when it comes back claiming primary, cannot be unfenced while
// the new primary serves, and rejoins as a standby through a guarded action.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControl, type Control } from "../control/control.ts";
import { clusterDetail } from "../fleet/cluster-detail.ts";
import { clusterDocuments } from "../fleet/cluster-document.ts";
import { eventsOf, startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { ActionError } from "./errors.ts";
import { actionDocument } from "./read.ts";
import { requestAction, type Actor } from "./request.ts";
import { runRequestSchema } from "./types.ts";

let fleet: Fleet;
let control: Control;
const operator: Actor = { id: null, email: "op@example.com", role: "operator" };
const admin: Actor = { id: null, email: "admin@example.com", role: "admin" };

const run = (input: Record<string, unknown>, actor = operator) =>
  requestAction(
    fleet.db,
    actor,
    fleet.cluster,
    runRequestSchema.parse({ reason: "test", confirm: fleet.cluster, ...input }),
  );
const node = (name: string) =>
  fleet.db.node.findFirstOrThrow({
    where: { clusterId: fleet.clusterId, name },
    select: {
      role: true,
      reportedRole: true,
      needsRejoin: true,
      state: true,
      fenced: true,
      confirmedDown: true,
      lastStatus: true,
    },
  });
const finished = (id: string) =>
  waitFor(
    `action ${id} to finish`,
    async () => {
      const doc = await actionDocument(fleet.db, id);
      return doc && (doc.status === "SUCCEEDED" || doc.status === "FAILED") ? doc : undefined;
    },
    20_000,
  );
const writable = (status: unknown) =>
  (status as { checks?: { name: string; ok: boolean }[] }).checks?.find((c) => c.name === "writable")?.ok;

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 },
    nodes: [
      { name: "db-1", role: "primary" },
      { name: "db-2", role: "standby", upstream: "db-1" },
      { name: "db-3", role: "standby", upstream: "db-1" },
    ],
  });
  control = startControl(fleet.controlOptions());
  await waitFor(
    "healthy fleet",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 3,
  );
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
});

describe("a former primary", () => {
  it("is no longer called primary once a failover replaced it", async () => {
    await fleet.act("db-1", "inject-fault", { kind: "crash" });
    await waitFor("db-1 confirmed down", async () => (await node("db-1")).confirmedDown);
    const failover = await run({
      type: "failover",
      target: "db-2",
      params: { expectedPrimary: "db-1", acceptDataLoss: true },
    });
    const done = await finished(failover.id);
    expect(done.status, JSON.stringify(done.steps)).toBe("SUCCEEDED");
    expect(done.outcome).toContain("db-1 former primary (to rejoin) down fenced, db-2 primary healthy");
    expect(await node("db-1")).toMatchObject({
      role: "UNKNOWN",
      reportedRole: "PRIMARY",
      needsRejoin: true,
      fenced: true,
    });
    const [doc] = await clusterDocuments(fleet.db, fleet.cluster);
    expect(doc?.nodes.filter((n) => n.role === "primary").map((n) => n.name)).toEqual(["db-2"]);
    expect(doc?.nodes.find((n) => n.name === "db-1")).toMatchObject({
      role: "unknown",
      reportedRole: "primary",
      needsRejoin: true,
    });
    // Still true a few polls later: detection does not hand the old role back.
    await waitFor(
      "db-3 follows db-2",
      async () =>
        (await node("db-3")).lastStatus &&
        ((await node("db-3")).lastStatus as { replication?: { upstream?: string } }).replication?.upstream === "db-2",
    );
    expect((await node("db-1")).role).toBe("UNKNOWN");
    expect((await clusterDetail(fleet.db, fleet.cluster))?.problem).toEqual({
      severity: "warning",
      text: "db-1, the former primary, is down and fenced; 1 standby left: rejoin it",
    });
  });

  it("is fenced again at once when it comes back claiming primary and writable", async () => {
    // It restarts without the fence (a lost setting): writable, and sure it is the primary.
    expect((await fleet.act("db-1", "unfence")).status).toBe("done");
    await fleet.act("db-1", "clear-fault");
    const refenced = await waitFor(
      "node.refenced",
      async () => (await eventsOf(fleet.db, fleet.clusterId, "node.refenced"))[0],
    );
    expect(refenced.summary).toMatch(/^db-1, the former primary, came back claiming primary; fenced again/);
    await waitFor("db-1 refuses writes", async () => writable((await node("db-1")).lastStatus) === false);
    expect(await node("db-1")).toMatchObject({
      role: "UNKNOWN",
      reportedRole: "PRIMARY",
      needsRejoin: true,
      fenced: true,
      state: "HEALTHY",
    });
    await waitFor(
      "no split-brain",
      async () => !(await fleet.db.cluster.findUniqueOrThrow({ where: { id: fleet.clusterId } })).splitBrain,
    );
  });

  it("cannot be unfenced while the new primary serves, not even by an admin's override", async () => {
    const refused = await run({ type: "unfence", target: "db-1", overrides: ["single-writer"] }, admin).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ActionError);
    expect((refused as ActionError).message).toContain(
      "single-writer: db-2 takes writes: db-1 would be a second writer; rejoin db-1 as a standby of db-2 instead",
    );
    expect(await fleet.db.action.count({ where: { clusterId: fleet.clusterId, type: "UNFENCE" } })).toBe(0);
  });

  it("rejoins as a standby of the new primary through a guarded action", async () => {
    const rejoin = await run({ type: "rejoin", target: "db-1" });
    const done = await finished(rejoin.id);
    expect(done.status, JSON.stringify(done.steps)).toBe("SUCCEEDED");
    expect(done.steps.map((s) => s.name)).toEqual(["rejoin db-1 as a standby of db-2", "validate db-1 follows db-2"]);
    expect(await node("db-1")).toMatchObject({
      role: "STANDBY",
      reportedRole: "STANDBY",
      needsRejoin: false,
      fenced: false,
      state: "HEALTHY",
    });
    expect((await clusterDetail(fleet.db, fleet.cluster))?.problem).toBeNull();
  });
});
