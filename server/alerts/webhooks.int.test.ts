// Webhooks end to end: a real receiver on 127.0.0.1 verifies every delivery with the
// `standardwebhooks` library; deliveries come from the outbox the event's own transaction wrote.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControl, type Control } from "../control/control.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { waitFor } from "../testing/fleet-harness.ts";
import { type Receiver, startReceiver } from "../testing/webhook-receiver.ts";
import { networks } from "./egress/networks.ts";
import { createEndpoint } from "./endpoints.ts";

let db: Db;
let url = "";
let receiver: Receiver;
const admin = { id: "admin", email: "admin@example.com", name: "Admin", role: "admin" as const };
let secret = "";
let clusterId = "";

const event = (summary: string, type = "node.down") =>
  db.event.create({ data: { type, severity: "CRITICAL", summary, clusterId } });

let control: Control;
// The receiver is on loopback, which webhooks may reach only when the operator opens it.
const webhookNetworks = { allowed: networks("127.0.0.0/8"), denied: [] };

beforeAll(async () => {
  url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
  receiver = await startReceiver(() => secret);
  await db.user.create({ data: { id: admin.id, name: admin.name, email: admin.email, role: "admin" } });
  clusterId = (await db.cluster.create({ data: { name: "hooks", mode: "ACTIVE_PASSIVE", system: "postgresql" } })).id;
  ({ secret } = await createEndpoint(db, admin, {
    url: `http://127.0.0.1:${receiver.port}/hook`,
    events: ["node.down", "node.recovered"],
    format: "standard",
  }));
  control = startControl({
    ...(await import("../control/options.ts")).CONTROL_DEFAULTS,
    databaseUrl: url,
    instanceId: "hooks",
    tokenFor: () => "",
    log: () => undefined,
    leaderCheckMs: 100,
    webhookCheckMs: 50,
    webhookSchedule: [0, 300, 300, 300, 300, 300],
    consoleUrl: "https://console.example.com",
    webhookNetworks,
  });
});

afterAll(async () => {
  await control?.stop();
  receiver?.close();
  await db?.$disconnect();
});

describe("webhooks", () => {
  it("delivers a subscribed event, signed, with a link to the cluster page; skips others", async () => {
    await event("primary down", "node.down");
    await event("not subscribed", "lag.over");
    const got = await waitFor("the delivery", async () =>
      receiver.received.find((r) => r.payload.data.summary === "primary down"),
    );
    expect(got.id).toMatch(/^msg_/);
    expect(got.payload).toMatchObject({
      type: "node.down",
      data: { cluster: "hooks", link: "https://console.example.com/clusters/hooks" },
    });
    expect(await db.webhookDelivery.count({ where: { event: { type: "lag.over" } } })).toBe(0);
  });

  it("keeps retrying while the receiver fails, and delivers every event once it answers", async () => {
    receiver.answer = 503;
    for (let i = 0; i < 5; i++) await event(`burst ${i}`);
    await waitFor("failed attempts", async () => (await db.deliveryAttempt.count({ where: { statusCode: 503 } })) >= 5);
    receiver.answer = 200;
    await waitFor(
      "all five delivered",
      async () => receiver.received.filter((r) => r.payload.data.summary.startsWith("burst")).length === 5,
      15_000,
    );
    const ids = receiver.received.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes deliveries with the event, so a crash before sending loses nothing", async () => {
    await control.stop();
    const created = await event("written while no console ran");
    expect(await db.webhookDelivery.count({ where: { eventId: created.id, status: "PENDING" } })).toBe(1);
    control = startControl({
      ...(await import("../control/options.ts")).CONTROL_DEFAULTS,
      databaseUrl: url,
      instanceId: "hooks-2",
      tokenFor: () => "",
      log: () => undefined,
      leaderCheckMs: 100,
      webhookCheckMs: 50,
      webhookSchedule: [0, 300],
      webhookNetworks,
    });
    await waitFor("the delivery after the restart", async () =>
      receiver.received.find((r) => r.payload.data.summary === "written while no console ran"),
    );
  });

  it("sends nothing for a silenced cluster's events, which are still stored; the silence is audited", async () => {
    const { silenceCluster, endSilence } = await import("./silences.ts");
    const silence = await silenceCluster(db, admin, "hooks", 30, "maintenance window");
    const muted = await event("muted during maintenance");
    expect(await db.webhookDelivery.count({ where: { eventId: muted.id } })).toBe(0);
    await endSilence(db, admin, silence!.id, "done early");
    const loud = await event("after the silence");
    expect(await db.webhookDelivery.count({ where: { eventId: loud.id } })).toBe(1);
    expect(
      (await db.auditEntry.findMany({ where: { action: { startsWith: "silence." } }, select: { action: true } })).map(
        (a) => a.action,
      ),
    ).toEqual(["silence.create", "silence.end"]);
  });

  it("notifies only the event types the cluster's alert rules choose", async () => {
    await db.cluster.update({ where: { id: clusterId }, data: { alertEvents: ["node.recovered"] } });
    const quiet = await event("down, but this cluster does not notify it");
    expect(await db.webhookDelivery.count({ where: { eventId: quiet.id } })).toBe(0);
    await db.cluster.update({ where: { id: clusterId }, data: { alertEvents: ["*"] } });
  });

  it("repeats a still-open alert once per repeat interval, never in a storm", async () => {
    const { remindOpenAlerts } = await import("./reminders.ts");
    const node = await db.node.create({
      data: { clusterId, name: "n1", region: "r", zone: "z", state: "DOWN", role: "PRIMARY" },
    });
    await db.cluster.update({ where: { id: clusterId }, data: { alertRepeatMinutes: 1 } });
    const now = Date.now();
    await db.event.create({
      data: {
        at: new Date(now - 120_000),
        type: "node.down",
        severity: "CRITICAL",
        summary: "n1 (primary) is down",
        clusterId,
        nodeId: node.id,
      },
    });
    expect(await remindOpenAlerts(db, now)).toBe(1);
    expect(await remindOpenAlerts(db, now + 1_000)).toBe(0);
    const reminder = await db.event.findFirstOrThrow({ where: { nodeId: node.id }, orderBy: { at: "desc" } });
    expect(reminder.summary).toBe("n1 (primary) is down (still open after 2 min)");
    expect(await db.webhookDelivery.count({ where: { eventId: reminder.id } })).toBe(1);

    // A node that answers while its service fails is an open alert too, until detection restores it.
    const degraded = await db.node.create({
      data: { clusterId, name: "n2", region: "r", zone: "z", state: "HEALTHY", role: "STANDBY", degraded: true },
    });
    await db.event.create({
      data: {
        at: new Date(now - 120_000),
        type: "node.degraded",
        severity: "WARNING",
        summary: "n2 (standby) answers but its service fails (sql)",
        clusterId,
        nodeId: degraded.id,
      },
    });
    expect(await remindOpenAlerts(db, now + 2_000)).toBe(1);
    const latest = await db.event.findFirstOrThrow({ where: { nodeId: degraded.id }, orderBy: { at: "desc" } });
    expect(latest.summary).toBe("n2 (standby) answers but its service fails (sql) (still open after 2 min)");
    await db.node.update({ where: { id: degraded.id }, data: { degraded: false } });
    expect(await remindOpenAlerts(db, now + 200_000)).toBe(1);
    await db.cluster.update({ where: { id: clusterId }, data: { alertRepeatMinutes: null } });
  });

  it("disables an endpoint that answers 410 Gone", async () => {
    receiver.answer = 410;
    await event("gone");
    await waitFor("the endpoint disabled", async () =>
      (
        await db.webhookEndpoint.findFirst({ where: { enabled: false }, select: { disabledReason: true } })
      )?.disabledReason?.includes("410"),
    );
    await event("after it is gone");
    expect(await db.webhookDelivery.count({ where: { event: { summary: "after it is gone" } } })).toBe(0);
  });
});
