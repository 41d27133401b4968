// The alerts REST API (DESIGN.md's contract): who may read and acknowledge, the document's shape,
// open alerts first, and a 400 naming the field, 403 for a viewer, 404 for an unknown alert.
import { beforeAll, describe, expect, it } from "vitest";
import * as alertsRoute from "../../app/api/v1/alerts/route.ts";
import * as ackRoute from "../../app/api/v1/alerts/[id]/ack/route.ts";
import { db } from "../db/client.ts";
import { recordEvent } from "../events/record.ts";
import { ACTORS, asJson, makeActors, type Actors } from "../testing/actors.ts";

let headersOf: Actors["headersOf"];
let cluster = "";
let downId = "";

interface Doc {
  id: string;
  cluster: string;
  resolvedAt: string | null;
}

const list = async (actor: keyof Actors["headersOf"], query = "") =>
  alertsRoute.GET(new Request(`http://localhost/api/v1/alerts${query}`, { headers: headersOf[actor] }));

const ack = (actor: keyof Actors["headersOf"], id: string, body: unknown) =>
  ackRoute.POST(
    new Request(`http://localhost/api/v1/alerts/${id}/ack`, {
      method: "POST",
      headers: asJson(headersOf[actor]),
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );

beforeAll(async () => {
  let agentNode: Actors["agentNode"];
  ({ headersOf, agentNode } = await makeActors());
  cluster = agentNode.cluster;
  const c = await db().cluster.findUniqueOrThrow({ where: { name: cluster }, select: { id: true, nodes: true } });
  const [n1, n2] = c.nodes;
  const event = (type: "node.down" | "lag.under" | "lag.over", nodeId: string, minutesAgo: number) =>
    recordEvent(db(), {
      type,
      severity: type === "node.down" ? "CRITICAL" : "WARNING",
      summary: type,
      clusterId: c.id,
      nodeId,
      at: new Date(Date.now() - minutesAgo * 60_000),
    });
  await event("lag.over", n2!.id, 30);
  await event("lag.under", n2!.id, 20);
  await event("node.down", n1!.id, 10);
  downId = (await db().alert.findFirstOrThrow({ where: { nodeId: n1!.id }, select: { id: true } })).id;
});

describe("the alerts API", () => {
  it("answers viewers by session or API token, open alerts only unless state=all; another state is a 400", async () => {
    const statuses: Record<string, number[]> = {};
    for (const actor of ACTORS) {
      statuses[actor] = [(await list(actor)).status, (await list(actor, "?state=all")).status];
      statuses[actor]!.push((await list(actor, "?state=closed")).status);
    }
    expect(statuses).toEqual({
      anonymous: [401, 401, 401],
      agent: [401, 401, 401],
      apiToken: [200, 200, 400],
      viewer: [200, 200, 400],
      operator: [200, 200, 400],
      admin: [200, 200, 400],
    });
    expect(await (await list("viewer", "?state=closed")).json()).toMatchObject({ field: "state" });
  });

  it("says each alert in the contract's shape, open ones first", async () => {
    const open = ((await (await list("apiToken")).json()) as { alerts: Doc[] }).alerts;
    expect(open.every((a) => a.resolvedAt === null)).toBe(true);
    expect(open.find((a) => a.id === downId)).toEqual({
      id: downId,
      type: "node.down",
      severity: "critical",
      cluster,
      node: "n1",
      openedAt: expect.stringMatching(/Z$/),
      resolvedAt: null,
      acknowledgedBy: null,
      acknowledgedAt: null,
      note: null,
      repeats: 0,
    });
    const all = ((await (await list("apiToken", "?state=all")).json()) as { alerts: Doc[] }).alerts;
    const mine = all.filter((a) => a.cluster === cluster);
    expect(mine.map((a) => a.resolvedAt === null)).toEqual([true, false]);
  });

  it("lets operators acknowledge with a note: 403 for a viewer, 400 for a bad note, 404 for no such alert", async () => {
    expect((await ack("viewer", downId, {})).status).toBe(403);
    expect((await ack("apiToken", downId, {})).status).toBe(403);
    const long = await ack("operator", downId, { note: "x".repeat(501) });
    expect([long.status, ((await long.json()) as { field: string }).field]).toEqual([400, "note"]);
    expect((await ack("operator", "no-such-alert", {})).status).toBe(404);

    const done = await ack("operator", downId, { note: "looking at it" });
    expect(done.status).toBe(200);
    const acknowledged = (await done.json()) as Record<string, unknown>;
    expect(acknowledged).toMatchObject({ id: downId, note: "looking at it", acknowledgedAt: expect.any(String) });
    const again = await ack("admin", downId, { note: "me too" });
    expect(await again.json()).toEqual(acknowledged);
  });
});
