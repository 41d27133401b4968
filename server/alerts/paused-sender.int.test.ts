// A webhook sender paused mid-delivery: the leader POSTs, the receiver holds that first request
// open, and the leader is paused (SIGSTOP). The other instance takes over and delivers (204). The
// paused one, resumed, gives up on its request and stores nothing: no stale attempt, the delivery
// stays delivered and is never sent again, and the receiver answered exactly one of them.
import { createServer, type ServerResponse, type Server } from "node:http";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { freePort } from "../db/free-port.ts";
import { migrate } from "../db/migrate.ts";
import { leaderPair, takeover, type ControlProcess } from "../testing/control-process.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { waitFor } from "../testing/fleet-harness.ts";
import { createEndpoint } from "./endpoints.ts";

let db: Db;
let server: Server;
let secret = "";
let a: ControlProcess;
let b: ControlProcess;
const held: ServerResponse[] = [];
const requests: string[] = [];
const answered: string[] = [];

function listen(port: number) {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const id = String(req.headers["webhook-id"]);
    requests.push(id);
    // The first request is never answered: its sender waits until it gives up.
    if (requests.length === 1) return void held.push(res);
    new Webhook(secret).verify(Buffer.concat(chunks).toString("utf8"), req.headers as Record<string, string>);
    answered.push(id);
    res.writeHead(204).end();
  });
  return new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
}

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
  const port = await freePort();
  await listen(port);
  const admin = { id: "admin", email: "admin@example.com", name: "Admin", role: "admin" as const };
  await db.user.create({ data: { id: admin.id, name: admin.name, email: admin.email, role: "admin" } });
  await db.cluster.create({ data: { name: "hooks", mode: "ACTIVE_PASSIVE", system: "postgresql" } });
  const endpoint = { url: `http://127.0.0.1:${port}/hook`, events: ["node.down"], format: "standard" as const };
  ({ secret } = await createEndpoint(db, admin, endpoint));
  // The receiver is on loopback, which webhooks may reach only when the operator opens it.
  ({ a, b } = await leaderPair(url, db, { CONSOLE_WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8" }));
}, 60_000);

afterAll(async () => {
  a?.stop();
  b?.stop();
  for (const res of held) res.destroy();
  server?.close();
  await db?.$disconnect();
});

it("delivers once when the sender is paused mid-delivery, and the resumed sender stores nothing", async () => {
  const cluster = await db.cluster.findUniqueOrThrow({ where: { name: "hooks" }, select: { id: true } });
  const data = { type: "node.down", severity: "CRITICAL" as const, summary: "primary down", clusterId: cluster.id };
  const event = await db.event.create({ data });
  const select = { id: true, messageId: true };
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { eventId: event.id }, select });
  await waitFor("the leader's request, held by the receiver", async () => held.length === 1);

  a.child.kill("SIGSTOP");
  const { ms } = await takeover(db, a.id, b.id);
  console.log(`SIGSTOP mid-delivery: ${b.id} took over ${ms} ms after ${a.id}'s last renewal`);
  const stored = () =>
    db.webhookDelivery.findUniqueOrThrow({
      where: { id: delivery.id },
      select: { status: true, attemptCount: true, attempts: { select: { statusCode: true, error: true } } },
    });
  const delivered = { status: "SUCCEEDED", attemptCount: 1, attempts: [{ statusCode: 204, error: null }] };
  await waitFor("the new leader's delivery", async () => (await stored()).status === "SUCCEEDED", 15_000);
  expect(await stored()).toEqual(delivered);

  a.child.kill("SIGCONT");
  await a.said(/lost leadership/);
  // Its request times out (10 s after it was sent); the attempt it would record is refused.
  await a.said(new RegExp(`Webhook delivery ${delivery.id}: .*no longer leads`), 15_000);
  expect(await stored()).toEqual(delivered);
  expect(requests).toEqual([delivery.messageId, delivery.messageId]);
  expect(answered).toEqual([delivery.messageId]);
}, 60_000);
