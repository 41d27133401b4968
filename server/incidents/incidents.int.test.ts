// Incidents over real rows: a primary lost, a failover promoting a standby, its webhook deliveries and
// an acknowledgement, then the primary back; read through tRPC's service and the REST routes (JSON,
// Markdown, a cluster's list), with 404 and 400 as the API gives them.
import { beforeAll, describe, expect, it } from "vitest";
import * as incidentRoute from "../../app/api/v1/incidents/[id]/route.ts";
import * as clusterIncidentsRoute from "../../app/api/v1/clusters/[name]/incidents/route.ts";
import { db } from "../db/client.ts";
import type { Severity } from "../db/generated/enums.ts";
import { recordEvent } from "../events/record.ts";
import type { EventType } from "../../lib/events.ts";
import { ACTORS, makeActors, type Actors } from "../testing/actors.ts";
import { incidentDetail, listIncidents } from "./read.ts";

const T0 = Date.now() - 3_600_000;
const at = (s: number) => new Date(T0 + s * 1000);
let headersOf: Actors["headersOf"];
let cluster = "";
let firstEvent = "";
let downEvent = "";
let laterEvent = "";
let actionId = "";

const get = (id: string, query = "", actor: keyof Actors["headersOf"] = "apiToken") =>
  incidentRoute.GET(new Request(`http://localhost/api/v1/incidents/${id}${query}`, { headers: headersOf[actor] }), {
    params: Promise.resolve({ id }),
  });

beforeAll(async () => {
  let agentNode: Actors["agentNode"];
  ({ headersOf, agentNode } = await makeActors());
  cluster = agentNode.cluster;
  const c = await db().cluster.findUniqueOrThrow({
    where: { name: cluster },
    select: { id: true, nodes: { select: { id: true, name: true } } },
  });
  const node = (name: string) => c.nodes.find((n) => n.name === name)!.id;
  const event = async (s: number, type: EventType, nodeName: string | null, severity: Severity, summary: string) =>
    String(
      (
        await recordEvent(db(), {
          type,
          severity,
          summary,
          clusterId: c.id,
          nodeId: nodeName ? node(nodeName) : null,
          at: at(s),
          ...(type.startsWith("action.") ? { details: { action: actionId } } : {}),
        })
      ).id,
    );
  const action = await db().action.create({
    data: {
      clusterId: c.id,
      type: "FAILOVER",
      targetNode: "n2",
      reason: "n1 is gone",
      status: "SUCCEEDED",
      createdAt: at(10),
      startedAt: at(10),
      finishedAt: at(14),
      steps: {
        create: [
          { seq: 0, name: "fence n1", idempotencyKey: `${cluster}-0`, status: "SUCCEEDED", finishedAt: at(11) },
          { seq: 1, name: "promote n2", idempotencyKey: `${cluster}-1`, status: "SUCCEEDED", finishedAt: at(12.5) },
        ],
      },
    },
  });
  actionId = action.id;
  firstEvent = await event(0, "node.suspect", "n1", "WARNING", "n1 missed a poll");
  downEvent = await event(3, "node.down", "n1", "CRITICAL", "primary n1 is down");
  await event(14, "action.succeeded", null, "INFO", `failover of ${cluster} to n2 succeeded`);
  await event(60, "node.recovered", "n1", "INFO", "n1 answers again");
  laterEvent = await event(200, "node.suspect", "n2", "WARNING", "n2 missed a poll");

  const endpoint = await db().webhookEndpoint.create({
    data: { url: "https://hooks.example.com/secret-path", events: ["*"], secret: "whsec_x", enabled: false },
  });
  await db().webhookDelivery.create({
    data: {
      endpointId: endpoint.id,
      eventId: BigInt(downEvent),
      status: "SUCCEEDED",
      attemptCount: 1,
      attempts: { create: { at: at(3.5), statusCode: 200, latencyMs: 40 } },
    },
  });
  await db().alert.updateMany({
    where: { clusterId: c.id, openedEventId: BigInt(firstEvent) },
    data: { acknowledgedAt: at(8), acknowledgedBy: "ops@example.com", note: "on it" },
  });
});

describe("incidents", () => {
  it("list a cluster's outages newest first, an ongoing one without an end", async () => {
    const incidents = await listIncidents(db(), cluster, 10);
    expect(incidents).toMatchObject([
      { id: laterEvent, end: null, title: "n2 missed a poll" },
      { id: firstEvent, start: at(0), end: at(60), durationMs: 60_000, title: "primary n1 is down" },
    ]);
    expect(await listIncidents(db(), "no-such-cluster", 10)).toBeNull();
  });

  // The suspect node's alert became the down one (one alert per outage), acknowledged as such.
  it("hold every event, the action, the alert sent and the acknowledgement on one timeline", async () => {
    // Any event inside the incident finds it: an alert links the event that opened it.
    const incident = (await incidentDetail(db(), BigInt(downEvent)))!;
    expect(incident).toMatchObject({ id: firstEvent, cluster, mode: "active-passive", end: at(60) });
    expect(incident.impact).toEqual({ ms: 12_500, node: "n1", from: at(0), to: at(12.5) });
    expect(incident.timeline.map((i) => [i.offsetMs, i.kind, i.text])).toEqual([
      [0, "event", "n1 missed a poll"],
      [3_000, "event", "primary n1 is down"],
      [3_500, "alert-sent", "node.down sent to hooks.example.com: delivered (HTTP 200)"],
      [8_000, "ack", `ops@example.com acknowledged node.down on ${cluster}/n1: “on it”`],
      [10_000, "action", `failover of ${cluster} to n2 requested by system: n1 is gone`],
      [14_000, "event", `failover of ${cluster} to n2 succeeded`],
      [60_000, "event", "n1 answers again"],
    ]);
    const action = { label: `failover of ${cluster} to n2`, href: `/actions/${actionId}` };
    expect(incident.timeline[5]!.refs).toContainEqual(action);
    expect(incident.timeline[1]!.refs).toContainEqual({ label: "n1", href: `/clusters/${cluster}?node=n1` });
  });

  it("are served as JSON and as Markdown to viewers, by session or API token", async () => {
    const statuses = Object.fromEntries(
      await Promise.all(ACTORS.map(async (actor) => [actor, (await get(firstEvent, "", actor)).status])),
    );
    expect(statuses).toEqual({ anonymous: 401, agent: 401, apiToken: 200, viewer: 200, operator: 200, admin: 200 });
    expect(await (await get(firstEvent)).json()).toMatchObject({ id: firstEvent, cluster, durationMs: 60_000 });
    const md = await get(firstEvent, "?format=markdown");
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const text = await md.text();
    expect(text).toContain(`# Incident on ${cluster}: primary n1 is down`);
    expect(text).toContain("- **Impact:** 13 s without a writable primary (n1 lost at");
    expect(text).toContain(`## Actions taken\n\n- +10 s`);
    expect(text).not.toContain("secret-path");
  });

  it("answer 404 for an event outside any incident, 400 naming the field for a bad id or format", async () => {
    expect((await get("999999999999")).status).toBe(404);
    const bad = await get("12abc");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "id" });
    const format = await get(firstEvent, "?format=pdf");
    expect(format.status).toBe(400);
    expect(await format.json()).toMatchObject({ field: "format" });
  });

  it("list through REST with a 404 for an unknown cluster", async () => {
    const list = (name: string, actor: keyof Actors["headersOf"] = "viewer") =>
      clusterIncidentsRoute.GET(
        new Request(`http://localhost/api/v1/clusters/${name}/incidents`, { headers: headersOf[actor] }),
        { params: Promise.resolve({ name }) },
      );
    const answer = await list(cluster);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { incidents: { id: string }[] }).incidents.map((i) => i.id)).toEqual([
      laterEvent,
      firstEvent,
    ]);
    expect((await list("no-such-cluster")).status).toBe(404);
    expect((await list(cluster, "anonymous")).status).toBe(401);
  });
});
