// A receiver's answer can never wedge a delivery. One answering 500 with NUL bytes and invalid
// UTF-8 once made the attempt's insert fail: the delivery stayed pending and was POSTed again on
// every tick, silently. Now its excerpt is sanitized and stored, and the delivery follows the
// retry schedule to its end. An attempt the database refuses anyway is stored without the answer.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControl, type Control } from "../control/control.ts";
import { CONTROL_DEFAULTS } from "../control/options.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { waitFor } from "../testing/fleet-harness.ts";
import { networks } from "./egress/networks.ts";
import { createEndpoint } from "./endpoints.ts";

const admin = { id: "admin", email: "admin@example.com", name: "Admin", role: "admin" as const };
// Three attempts in all: the first, then two retries 200 ms (± 10 %) apart.
const SCHEDULE = [0, 200, 200];
const posts: Record<string, number> = {};
const logged: string[] = [];
let db: Db;
let server: Server;
let control: Control;
let base = "";
let clusterId = "";

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
  await db.user.create({ data: admin });
  clusterId = (await db.cluster.create({ data: { name: "storm", mode: "ACTIVE_PASSIVE", system: "postgresql" } })).id;
  // The database refuses what no sanitizing would remove: here, any excerpt that says "poison".
  await db.$executeRawUnsafe(`ALTER TABLE delivery_attempt ADD CONSTRAINT refuses_poison
    CHECK ("responseExcerpt" IS NULL OR position('poison' in "responseExcerpt") = 0)`);
  server = createServer(async (req, res) => {
    for await (const _ of req);
    const path = req.url ?? "";
    posts[path] = (posts[path] ?? 0) + 1;
    if (path !== "/nul") return void res.writeHead(503).end("poison pill");
    const invalid = Buffer.from([0xff, 0xed, 0xa0, 0x80]);
    res.writeHead(500).end(Buffer.concat([Buffer.from("boom\u0000at\u0000"), invalid, Buffer.from("end")]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  control = startControl({
    ...CONTROL_DEFAULTS,
    databaseUrl: url,
    instanceId: "storm",
    tokenFor: () => "",
    log: (line) => logged.push(line),
    leaderCheckMs: 100,
    webhookCheckMs: 20,
    webhookSchedule: SCHEDULE,
    webhookNetworks: { allowed: networks("127.0.0.0/8"), denied: [] },
  });
});

afterAll(async () => {
  await control?.stop();
  server?.close();
  await db?.$disconnect();
});

async function deliveredTo(path: string, type: string) {
  const endpoint = { url: `${base}${path}`, events: [type], format: "standard" as const };
  const { id: endpointId } = await createEndpoint(db, admin, endpoint);
  await db.event.create({ data: { type, severity: "CRITICAL", summary: path, clusterId } });
  const select = {
    status: true,
    attemptCount: true,
    attempts: {
      orderBy: { at: "asc" as const },
      select: { at: true, statusCode: true, responseExcerpt: true, error: true },
    },
  };
  const failed = () => db.webhookDelivery.findFirst({ where: { endpointId, status: "FAILED" }, select });
  return waitFor(`the delivery to ${path} to run out of retries`, failed, 15_000);
}

const gaps = (attempts: { at: Date }[]) => attempts.slice(1).map((a, i) => a.at.getTime() - attempts[i]!.at.getTime());

describe("a receiver's answer never wedges a delivery", () => {
  it("stores a sanitized excerpt of a body with NUL bytes, and retries on the schedule only", async () => {
    const delivery = await deliveredTo("/nul", "node.down");
    expect(delivery.attemptCount).toBe(SCHEDULE.length);
    expect(posts["/nul"]).toBe(SCHEDULE.length);
    const excerpt = "boom\uFFFDat\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDend";
    expect(delivery.attempts.map((a) => [a.statusCode, a.responseExcerpt, a.error])).toEqual(
      Array(SCHEDULE.length).fill([500, excerpt, null]),
    );
    for (const gap of gaps(delivery.attempts)) expect(gap).toBeGreaterThanOrEqual(180);
    expect(logged.filter((line) => line.includes("Webhook"))).toEqual([]);
  });

  it("stores an attempt the database refuses without the answer, and says so, rather than retry at once", async () => {
    const delivery = await deliveredTo("/poison", "node.recovered");
    expect(posts["/poison"]).toBe(SCHEDULE.length);
    expect(delivery.attempts.map((a) => [a.statusCode, a.responseExcerpt, a.error])).toEqual(
      Array(SCHEDULE.length).fill([503, null, "the receiver's answer could not be stored"]),
    );
    for (const gap of gaps(delivery.attempts)) expect(gap).toBeGreaterThanOrEqual(180);
    const saying = /storing the attempt failed \(.*refuses_poison.*\); storing it without the answer/;
    const said = logged.filter((line) => saying.test(line));
    expect(said).toHaveLength(SCHEDULE.length);
  });
});
