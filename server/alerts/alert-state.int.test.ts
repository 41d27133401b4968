// Alerts as rows, kept by the event insert trigger: opened by a condition, escalated and counted by
// its later events, resolved by its resolving event, whichever writer wrote them; acknowledged once,
// audited, and then not reminded of; a lag alert held back while its cluster's primary is down, and
// sent once the primary is back if the lag is still over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { recordEvent } from "../events/record.ts";
import { WRITES } from "../ingest/flush.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { acknowledgeAlert } from "./acknowledge.ts";
import { listAlerts } from "./alert-list.ts";
import { releaseHeldBack } from "./held-back-release.ts";
import { remindOpenAlerts } from "./reminders.ts";

let db: Db;
let clusterId = "";
const nodes: Record<string, string> = {};
const operator = { id: "op", email: "op@example.com" };
const T0 = Date.parse("2026-12-01T10:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);

const event = (type: Parameters<typeof recordEvent>[1]["type"], node: string | null, seconds: number, extra = {}) =>
  recordEvent(db, {
    type,
    severity: type === "node.down" ? "CRITICAL" : "WARNING",
    summary: `${type} ${node ?? ""}`,
    clusterId,
    nodeId: node && nodes[node],
    at: at(seconds),
    ...extra,
  });

const alertsOf = (node: string | null) =>
  db.alert.findMany({ where: { clusterId, nodeId: node && nodes[node] }, orderBy: { openedAt: "asc" } });

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
  await db.user.create({ data: { id: operator.id, name: "Op", email: operator.email, role: "operator" } });
  clusterId = (await db.cluster.create({ data: { name: "held", mode: "ACTIVE_PASSIVE", system: "postgresql" } })).id;
  for (const [name, role] of [
    ["p", "PRIMARY"],
    ["s", "STANDBY"],
  ] as const) {
    nodes[name] = (
      await db.node.create({ data: { clusterId, name, region: "r", zone: "z", role, state: "HEALTHY" } })
    ).id;
  }
  await db.webhookEndpoint.create({ data: { url: "https://hooks.example.com/", events: ["*"], secret: "whsec_x" } });
});

afterAll(() => db?.$disconnect());

describe("alert state", () => {
  it("opens on a condition, escalates on the next (suspect to down too), resolves on its resolver", async () => {
    await event("node.suspect", "p", 0);
    await event("node.down", "p", 3);
    await event("node.confirmed_down", "p", 4, { severity: "CRITICAL" });
    // One alert for the outage, from the first missed poll.
    expect(await alertsOf("p")).toMatchObject([
      { type: "node.confirmed_down", severity: "CRITICAL", openedAt: at(0), resolvedAt: null },
    ]);
    await event("node.recovered", "p", 60);
    expect(await alertsOf("p")).toMatchObject([{ resolvedAt: at(60), repeats: 0 }]);
    await event("node.suspect", "p", 70);
    await event("node.healthy", "p", 71);
    expect((await alertsOf("p"))[1]).toMatchObject({ type: "node.suspect", resolvedAt: at(71) });
  });

  it("follows the detector's bulk insert as it follows the Prisma writer", async () => {
    const events = WRITES.find((w) => w.kind === "events")!.sql;
    const row = (type: string, seconds: number) => ({
      at: at(seconds),
      type,
      severity: "WARNING",
      summary: type,
      details: {},
      clusterId,
      nodeId: null,
    });
    await db.$executeRawUnsafe(events, JSON.stringify([row("traffic.imbalance", 100)]));
    expect(await alertsOf(null)).toMatchObject([{ type: "traffic.imbalance", resolvedAt: null }]);
    await db.$executeRawUnsafe(events, JSON.stringify([row("traffic.balanced", 130)]));
    expect(await alertsOf(null)).toMatchObject([{ resolvedAt: at(130) }]);
  });

  it("counts the reminders and stops them once acknowledged, until the condition resolves", async () => {
    await db.cluster.update({ where: { id: clusterId }, data: { alertRepeatMinutes: 1 } });
    await db.node.update({ where: { id: nodes.s }, data: { lagOver: true } });
    await event("lag.over", "s", 200);
    expect(await remindOpenAlerts(db, at(270).getTime())).toBe(1);
    const [alert] = await alertsOf("s");
    expect(alert).toMatchObject({ type: "lag.over", repeats: 1 });

    const acked = await acknowledgeAlert(db, operator, alert!.id, "replica rebuilding, ok until noon");
    expect(acked).toMatchObject({ acknowledgedBy: operator.email, note: "replica rebuilding, ok until noon" });
    const again = await acknowledgeAlert(db, operator, alert!.id, "another note");
    expect(again).toEqual(acked);
    expect(await db.auditEntry.count({ where: { action: "alert.ack" } })).toBe(1);
    expect(await remindOpenAlerts(db, at(400).getTime())).toBe(0);
    expect((await alertsOf("s"))[0]).toMatchObject({ repeats: 1 });

    await event("lag.under", "s", 500);
    await event("lag.over", "s", 600);
    const [, reopened] = await alertsOf("s");
    expect(reopened).toMatchObject({ resolvedAt: null, acknowledgedAt: null, repeats: 0 });
    expect(await remindOpenAlerts(db, at(700).getTime())).toBe(1);
    await event("lag.under", "s", 710);
    await db.node.update({ where: { id: nodes.s }, data: { lagOver: false } });
    await db.cluster.update({ where: { id: clusterId }, data: { alertRepeatMinutes: null } });
  });

  it("knows no such alert", async () => {
    expect(await acknowledgeAlert(db, operator, "no-such-alert", null)).toBeNull();
  });

  it("holds back a lag alert while the primary is down: stored and shown, not sent", async () => {
    const deliveries = (id: bigint) => db.webhookDelivery.count({ where: { eventId: id } });
    await db.node.update({ where: { id: nodes.p }, data: { state: "DOWN" } });
    const held = await event("lag.over", "s", 800);
    expect(await deliveries(held.id)).toBe(0);
    const open = await listAlerts(db, { state: "open", resolvedLimit: 0 });
    expect(open.find((a) => a.node === "s")).toMatchObject({ type: "lag.over", heldBack: true });
    expect(await releaseHeldBack(db, at(805).getTime())).toBe(0);
    const under = await event("lag.under", "s", 810);
    expect(await deliveries(under.id)).toBe(1);

    await db.node.update({ where: { id: nodes.p }, data: { state: "HEALTHY" } });
    const sent = await event("lag.over", "s", 900);
    expect(await deliveries(sent.id)).toBe(1);
    const now = await listAlerts(db, { state: "open", resolvedLimit: 0 });
    expect(now.find((a) => a.node === "s")).toMatchObject({ heldBack: false });
    expect(await releaseHeldBack(db, at(905).getTime())).toBe(0);
    await event("lag.under", "s", 910);
  });

  it("sends a held-back lag alert once the primary is back and the lag is still over", async () => {
    const lagOver = () =>
      db.event.findMany({
        where: { nodeId: nodes.s, type: "lag.over", at: { gte: at(1000) } },
        select: { summary: true, _count: { select: { deliveries: true } } },
        orderBy: { at: "asc" },
      });
    await event("node.down", "p", 1000, { severity: "CRITICAL" });
    await db.node.update({ where: { id: nodes.p }, data: { state: "DOWN" } });
    await event("lag.over", "s", 1001, { summary: "s replication lag 32 MiB / 6 s is over the threshold" });
    expect(await releaseHeldBack(db, at(1010).getTime())).toBe(0);

    await event("node.recovered", "p", 1020, { severity: "INFO" });
    await db.node.update({ where: { id: nodes.p }, data: { state: "HEALTHY" } });
    expect(await releaseHeldBack(db, at(1030).getTime())).toBe(1);
    expect(await releaseHeldBack(db, at(1060).getTime())).toBe(0);
    expect(await lagOver()).toEqual([
      { summary: "s replication lag 32 MiB / 6 s is over the threshold", _count: { deliveries: 0 } },
      {
        summary:
          "s replication lag 32 MiB / 6 s is over the threshold (held back while the primary was down; still over)",
        _count: { deliveries: 1 },
      },
    ]);
    const [open] = (await alertsOf("s")).filter((a) => !a.resolvedAt);
    expect(open).toMatchObject({ type: "lag.over", repeats: 0 });
    await event("lag.under", "s", 1100);
  });

  it("lists open alerts first, newest first, then the resolved ones", async () => {
    const all = await listAlerts(db, { state: "all", resolvedLimit: 100 });
    const open = all.filter((a) => !a.resolvedAt);
    expect(all.slice(0, open.length)).toEqual(open);
    const opened = all.slice(open.length).map((a) => a.openedAt.getTime());
    expect(opened).toEqual([...opened].sort((a, b) => b - a));
  });
});
