// A small stored fleet whose every metric is known: a primary/standby cluster "orders" with polls,
// actions, a drill, an alert and webhook deliveries, and a load-balanced "web" whose node's name
// needs escaping.
import type { Db } from "../db/client.ts";
import { recordEvent } from "../events/record.ts";

const status = (role: string, extra: Record<string, unknown>) => ({
  agent: { id: "a", version: "1.0.0" },
  node: { name: "n", region: "r" },
  observedAt: new Date().toISOString(),
  role,
  healthy: true,
  ...extra,
});

export async function seedMetricsFleet(db: Db) {
  const now = Date.now();
  const orders = await db.cluster.create({
    data: {
      name: "orders",
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      nodes: {
        create: [
          {
            name: "db-1",
            region: "eu",
            zone: "eu-a",
            role: "PRIMARY",
            reportedRole: "PRIMARY",
            state: "HEALTHY",
            lastStatus: status("primary", {}),
          },
          {
            name: "db-2",
            region: "eu",
            zone: "eu-b",
            role: "STANDBY",
            state: "SUSPECT",
            lastStatus: status("standby", {
              replication: { upstream: "db-1", mode: "async", lagBytes: 2048, lagSeconds: 0.5 },
            }),
          },
        ],
      },
    },
    select: { id: true, nodes: { select: { id: true, name: true } } },
  });
  const web = await db.cluster.create({
    data: { name: "web", mode: "ACTIVE_ACTIVE", system: "http", availabilityTarget: 99.9, splitBrain: true },
    select: { id: true },
  });
  await db.node.create({
    data: {
      clusterId: web.id,
      name: 'web "1" \\ a',
      region: "eu",
      zone: "eu-a",
      role: "ACTIVE",
      state: "HEALTHY",
      weight: 50,
      lastStatus: status("active", { traffic: { weight: 50, state: "ready", requestsPerSec: 123.5 } }),
    },
  });
  const [primary] = orders.nodes.filter((n) => n.name === "db-1");
  const nodeId = primary!.id;
  const poll = (agoMs: number, pollLatencyMs: number | null) => ({
    nodeId,
    at: new Date(now - agoMs),
    reachable: true,
    healthy: true,
    role: "PRIMARY" as const,
    state: "HEALTHY" as const,
    pollLatencyMs,
  });
  await db.sample.createMany({
    data: [poll(12_000, 3), poll(8_000, 40), poll(4_000, 700), poll(2_000, null), poll(60_000, 9)],
  });
  await db.clusterUptimeHour.create({
    data: {
      clusterId: orders.id,
      hour: new Date(Math.floor(now / 3_600_000) * 3_600_000),
      observedMinutes: 60,
      upMinutes: 59.4,
    },
  });
  const action = (type: "SWITCHOVER" | "FAILOVER", status: "SUCCEEDED" | "FAILED" | "RUNNING") => ({
    clusterId: orders.id,
    type,
    status,
    reason: "test",
  });
  await db.action.createMany({
    data: [
      action("SWITCHOVER", "SUCCEEDED"),
      action("SWITCHOVER", "SUCCEEDED"),
      action("FAILOVER", "FAILED"),
      action("SWITCHOVER", "RUNNING"),
    ],
  });
  await db.drill.createMany({
    data: [
      { clusterId: orders.id, scenario: "PRIMARY_CRASH", reason: "test", status: "SUCCEEDED", verdict: "PASS" },
      { clusterId: orders.id, scenario: "STANDBY_LAG", reason: "test", status: "RUNNING" },
    ],
  });
  await db.alert.create({
    data: { type: "node.suspect", severity: "CRITICAL", resolvedBy: "node.healthy", clusterId: orders.id, nodeId },
  });
  return { now, endpointId: await seedDeliveries(db, orders.id) };
}

/** An endpoint with deliveries in every state; the endpoint comes after the event, so no trigger adds one. */
async function seedDeliveries(db: Db, clusterId: string): Promise<string> {
  const event = await recordEvent(db, { type: "action.succeeded", severity: "INFO", summary: "test", clusterId });
  const endpoint = await db.webhookEndpoint.create({
    data: { url: "https://hooks.example.com/x", description: "pager", events: ["*"], secret: "whsec_dGVzdA==" },
    select: { id: true },
  });
  const delivery = (status: "SUCCEEDED" | "PENDING", attemptCount: number) => ({
    endpointId: endpoint.id,
    eventId: event.id,
    status,
    attemptCount,
  });
  await db.webhookDelivery.createMany({
    data: [delivery("SUCCEEDED", 1), delivery("PENDING", 0), delivery("PENDING", 2), delivery("PENDING", 3)],
  });
  // One ends as a sender ends it: by an update once its retries are exhausted; another succeeds late.
  const [last, retried] = await db.webhookDelivery.findMany({
    where: { status: "PENDING", attemptCount: { gt: 0 } },
    orderBy: { attemptCount: "desc" },
    select: { id: true },
  });
  await db.webhookDelivery.update({ where: { id: last!.id }, data: { status: "FAILED", nextAttemptAt: null } });
  await db.webhookDelivery.update({ where: { id: retried!.id }, data: { status: "SUCCEEDED", attemptCount: 3 } });
  await db.webhookDelivery.create({ data: delivery("PENDING", 1) });
  return endpoint.id;
}
