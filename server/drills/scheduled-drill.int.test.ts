// A drill schedule fires: when its time comes the leader starts an unattended drill as "system",
// the drill ends with a verdict, and its result arrives as a webhook marked with the drill's id.
// A run due inside a blocked window is skipped with its reason.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { networks } from "../alerts/egress/networks.ts";
import { createEndpoint } from "../alerts/endpoints.ts";
import { startControl, type Control } from "../control/control.ts";
import { freePort } from "../db/free-port.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { setSchedule } from "./schedules.ts";

const ADMIN = { id: "sched-admin", email: "sched-admin@example.com", role: "admin" as const };
let fleet: Fleet;
let control: Control;
let receiver: Server;
const received: { type: string; data: { drill: string | null; summary: string } }[] = [];

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 300, timeoutMs: 300, failureThreshold: 3 },
    nodes: [
      { name: "s-1", role: "primary" },
      { name: "s-2", role: "standby", upstream: "s-1" },
    ],
  });
  // The lag alert comes 2 s into the standby-lag drill rather than the 16 s of the 64 MiB budget.
  await fleet.db.cluster.update({ where: { id: fleet.clusterId }, data: { lagAlertBytes: 8n * 1024n * 1024n } });
  await fleet.db.user.create({ data: { id: ADMIN.id, name: "Admin", email: ADMIN.email, role: "admin" } });
  const port = await freePort();
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(port, "127.0.0.1", resolve));
  await createEndpoint(
    fleet.db,
    { ...ADMIN, name: "Admin" },
    { url: `http://127.0.0.1:${port}/hook`, events: ["drill.result", "drill.skipped"], format: "standard" },
  );
  // The receiver is on loopback, which webhooks may reach only when the operator opens it.
  const webhookNetworks = { allowed: networks("127.0.0.0/8"), denied: [] };
  control = startControl(fleet.controlOptions({ actionCheckMs: 100, drillScheduleCheckMs: 200, webhookNetworks }));
  await waitFor(
    "a healthy cluster",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 2,
    20_000,
  );
}, 30_000);

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
  receiver?.close();
});

/** The schedule's next run time arrives (rather than waiting for the clock to reach it). */
const arrive = (agoMs = 1_000) =>
  fleet.db.drillSchedule.update({
    where: { clusterId: fleet.clusterId },
    data: { nextRunAt: new Date(Date.now() - agoMs) },
  });

it("starts the due drill unattended and sends its result as a webhook marked with the drill", async () => {
  const schedule = await setSchedule(fleet.db, ADMIN, fleet.cluster, {
    enabled: true,
    cron: "0 3 1 * *",
    scenario: "standby-lag",
    blocked: [],
  });
  expect(schedule.reading).toBe("on day 1 of every month at 03:00 UTC");
  expect(schedule.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
  await arrive();
  const drill = await waitFor(
    "the scheduled drill's verdict",
    () => fleet.db.drill.findFirst({ where: { clusterId: fleet.clusterId, scheduled: true, verdict: { not: null } } }),
    30_000,
  );
  expect(drill).toMatchObject({ unattended: true, startedById: null, verdict: "PASS" });
  const hook = await waitFor(
    "the drill.result webhook",
    async () => received.find((r) => r.type === "drill.result"),
    10_000,
  );
  expect(hook.data.drill).toBe(drill.id);
  const after = await fleet.db.drillSchedule.findUniqueOrThrow({ where: { clusterId: fleet.clusterId } });
  expect(after.lastDrillId).toBe(drill.id);
  expect(after.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
}, 40_000);

it("skips a run that falls inside a blocked window, with its reason and an event", async () => {
  const now = Date.now();
  await setSchedule(fleet.db, ADMIN, fleet.cluster, {
    enabled: true,
    cron: "0 3 1 * *",
    scenario: "standby-lag",
    blocked: [
      {
        from: new Date(now - 60_000).toISOString(),
        to: new Date(now + 3_600_000).toISOString(),
        reason: "change freeze",
      },
    ],
  });
  const drillsBefore = await fleet.db.drill.count({ where: { clusterId: fleet.clusterId } });
  await arrive();
  const skipped = await waitFor(
    "the skip event",
    () => fleet.db.event.findFirst({ where: { clusterId: fleet.clusterId, type: "drill.skipped" } }),
    10_000,
  );
  expect(skipped.summary).toMatch(/blocked window .* \(change freeze\)/);
  expect(await fleet.db.drill.count({ where: { clusterId: fleet.clusterId } })).toBe(drillsBefore);
}, 20_000);

it("skips a run missed by more than the grace period rather than starting it late", async () => {
  await setSchedule(fleet.db, ADMIN, fleet.cluster, {
    enabled: true,
    cron: "0 3 1 * *",
    scenario: "standby-lag",
    blocked: [],
  });
  const drillsBefore = await fleet.db.drill.count({ where: { clusterId: fleet.clusterId } });
  await arrive(60 * 60_000);
  const skipped = await waitFor(
    "the missed-run event",
    () =>
      fleet.db.event.findFirst({
        where: { clusterId: fleet.clusterId, type: "drill.skipped", summary: { contains: "missed its time" } },
      }),
    10_000,
  );
  expect(skipped.summary).toMatch(/by 1 h: no console was leading then/);
  expect(await fleet.db.drill.count({ where: { clusterId: fleet.clusterId } })).toBe(drillsBefore);
}, 20_000);
