// The charts' markers over a real PostgreSQL, through the fleet router as a viewer calls it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedDb, uniqueName } from "../testing/databases.ts";
import { createCaller } from "../trpc/root.ts";

const db = sharedDb();
const viewer = createCaller({ db, user: { id: "u", email: "v@example.com", name: "V", role: "viewer" } });
const now = Date.UTC(2026, 10, 23, 12, 0, 0);
const ago = (minutes: number) => new Date(now - minutes * 60_000);
const span = { from: now - 60 * 60_000, to: now };
let name = "";

beforeAll(async () => {
  name = uniqueName("markers");
  const cluster = await db.cluster.create({
    data: {
      name,
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      nodes: {
        create: ["db-1", "db-2"].map((n) => ({ name: n, region: "eu", zone: "eu-a", agentUrl: null })),
      },
    },
    select: { id: true, nodes: { select: { id: true, name: true } } },
  });
  const clusterId = cluster.id;
  const nodeId = (n: string) => cluster.nodes.find((x) => x.name === n)!.id;
  const action = (type: "FAILOVER" | "SWITCHOVER" | "DRAIN", startedAt: Date | null) => ({
    clusterId,
    type,
    targetNode: "db-2",
    reason: "test",
    status: "SUCCEEDED" as const,
    startedAt,
  });
  await db.action.createMany({
    data: [
      action("FAILOVER", ago(30)),
      action("SWITCHOVER", ago(10)),
      action("DRAIN", ago(20)),
      action("FAILOVER", ago(90)),
      action("FAILOVER", null),
    ],
  });
  await db.drill.create({
    data: { clusterId, scenario: "PRIMARY_CRASH", reason: "test", startedAt: ago(41), injectedAt: ago(40) },
  });
  const event = (type: string, node: string, minutes: number) => ({
    type,
    severity: "WARNING" as const,
    summary: type,
    clusterId,
    nodeId: nodeId(node),
    at: ago(minutes),
  });
  await db.event.createMany({
    data: [
      event("node.down", "db-1", 40),
      event("node.confirmed_down", "db-1", 39.9),
      event("node.recovered", "db-1", 20),
      event("node.confirmed_down", "db-1", 5),
      event("node.suspect", "db-2", 3),
    ],
  });
});

afterAll(() => db.$disconnect());

describe("fleet.markers", () => {
  it("marks failovers, switchovers, drills and each outage's start within the span, oldest first", async () => {
    const markers = await viewer.fleet.markers({ name, span });
    expect(markers.map((m) => [m.kind, (now - m.at) / 60_000, m.label])).toEqual([
      ["drill", 40, "drill primary-crash (running)"],
      ["down", 40, "db-1 down"],
      ["failover", 30, "failover to db-2 (succeeded)"],
      ["switchover", 10, "switchover to db-2 (succeeded)"],
      ["down", 5, "db-1 down"],
    ]);
    expect(markers[0]!.href).toMatch(/^\/drills\/\w+$/);
    expect(markers[1]!.href).toBe(`/clusters/${name}?node=db-1`);
    expect(markers[2]!.href).toMatch(/^\/actions\/\w+$/);
  });

  it("is empty for a span before anything happened, and for a cluster that is not there", async () => {
    expect(await viewer.fleet.markers({ name, span: { from: now - 600 * 60_000, to: now - 500 * 60_000 } })).toEqual(
      [],
    );
    expect(await viewer.fleet.markers({ name: uniqueName("none"), span })).toEqual([]);
  });

  it("refuses a span that ends before it starts, naming the field", async () => {
    const refused = await viewer.fleet.markers({ name, span: { from: now, to: now - 1 } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "BAD_REQUEST", cause: { issues: [{ path: ["span", "to"] }] } });
  });
});
