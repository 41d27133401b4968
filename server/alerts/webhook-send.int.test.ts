// SSRF at send: a webhook's host name is resolved when it is sent, every address judged, and the
// connection made to the address that passed. A refused target is never connected to, so open and
// closed internal ports look alike; the receiver's answer is neither shown nor kept. Loopback opens
// with the allowed networks; test sends obey the same policy and are audited.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { freePort } from "../db/free-port.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl, uniqueName } from "../testing/databases.ts";
import { createCaller } from "../trpc/root.ts";
import { WebhookDispatcher } from "./dispatcher.ts";
import { networks, NO_NETWORKS } from "./egress/networks.ts";
import type { Egress, Resolve } from "./egress/target.ts";
import { createEndpoint } from "./endpoints.ts";
import { sendTestEvent } from "./test-send.ts";

const admin = { id: "admin", email: "admin@example.com", name: "Admin", role: "admin" as const };
const LOOPBACK_OPEN: Egress = { networks: { allowed: networks("127.0.0.0/8"), denied: [] } };
const LOOPBACK_REFUSED = "refused: 127.0.0.1 is a loopback address; CONSOLE_WEBHOOK_ALLOWED_NETWORKS can open it";
const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
let db: Db;
let server: Server;
let port = 0;
let clusterId = "";

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
  await db.user.create({ data: admin });
  clusterId = (await db.cluster.create({ data: { name: "ssrf", mode: "ACTIVE_PASSIVE", system: "postgresql" } })).id;
  server = createServer(async (req, res) => {
    for await (const _ of req);
    requests.push({ path: req.url ?? "", headers: req.headers });
    res.writeHead(200, { "content-type": "text/plain" }).end("internal service: token=s3cr3t");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server?.close();
  await db?.$disconnect();
});

const heard = (path: string) => requests.filter((r) => r.path === path);

/** An endpoint saved as it is (past the save check, like one saved before the policy), and one event for it. */
async function queued(url: string) {
  const type = `probe.${uniqueName("t").replace(/[^a-z]/g, "")}`;
  const { id } = await createEndpoint(db, admin, { url, events: [type], format: "standard" });
  await db.event.create({ data: { type, severity: "INFO", summary: url, clusterId } });
  return id;
}

async function sendOnce(url: string, egress: Egress) {
  const endpointId = await queued(url);
  await new WebhookDispatcher({ log: () => undefined, egress }).tick(db);
  const select = { status: true, attempts: { select: { statusCode: true, error: true, responseExcerpt: true } } };
  return { endpointId, ...(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId }, select })) };
}

describe("webhook targets at send", () => {
  it("refuses a name that resolves to a refused address, connecting to nothing and keeping no answer", async () => {
    const local = await sendOnce(`http://localhost:${port}/by-name`, { networks: NO_NETWORKS });
    expect(local.attempts).toEqual([
      {
        statusCode: null,
        responseExcerpt: null,
        error: expect.stringMatching(/^refused: (127\.0\.0\.1|::1) is a loopback address; \w+ can open it$/),
      },
    ]);
    const metadata: Resolve = async () => [{ address: "169.254.169.254", family: 4 }];
    const everything = { allowed: networks("0.0.0.0/0", "::/0"), denied: [] };
    const egress = { networks: everything, resolve: metadata };
    const cloud = await sendOnce("http://metadata.google.internal/computeMetadata/v1/", egress);
    expect(cloud.attempts[0]?.error).toBe(
      "refused: 169.254.169.254 is a link-local address, where cloud metadata services answer; no setting opens it",
    );
    expect(heard("/by-name")).toEqual([]);
  });

  it("answers alike for an open and a closed internal port, and opens loopback with the allowed networks", async () => {
    const closed = await freePort();
    const open = await sendOnce(`http://127.0.0.1:${port}/open`, { networks: NO_NETWORKS });
    const shut = await sendOnce(`http://127.0.0.1:${closed}/shut`, { networks: NO_NETWORKS });
    expect(open.attempts).toEqual(shut.attempts);
    expect(open.attempts[0]?.error).toBe(LOOPBACK_REFUSED);
    expect(heard("/open")).toEqual([]);

    // Opened: the next attempt reaches the receiver (its answer is the admin's to see), and a closed port says so.
    const both = { endpointId: { in: [open.endpointId, shut.endpointId] } };
    await db.webhookDelivery.updateMany({ where: both, data: { nextAttemptAt: new Date() } });
    await new WebhookDispatcher({ log: () => undefined, egress: LOOPBACK_OPEN }).tick(db);
    const attempts = (endpointId: string) =>
      db.deliveryAttempt.findMany({
        where: { delivery: { endpointId } },
        orderBy: { at: "asc" },
        select: { statusCode: true, error: true },
      });
    // The last attempt of each: the first retry is "at once", so the refused ones may be two.
    expect((await attempts(open.endpointId)).at(-1)).toEqual({ statusCode: 200, error: null });
    expect((await attempts(shut.endpointId)).at(-1)).toEqual({ statusCode: null, error: "connection refused" });
    expect(heard("/open")).toHaveLength(1);
  });

  it("connects to the address it checked, though the name resolves elsewhere by then (DNS rebinding)", async () => {
    const asked: string[] = [];
    const rebinding: Resolve = async (name) => {
      asked.push(name);
      return [{ address: asked.length === 1 ? "127.0.0.1" : "169.254.169.254", family: 4 }];
    };
    const sent = await sendOnce(`http://rebind.test:${port}/rebind`, { ...LOOPBACK_OPEN, resolve: rebinding });
    expect(sent.status).toBe("SUCCEEDED");
    expect(asked).toEqual(["rebind.test"]);
    expect(heard("/rebind").map((r) => r.headers.host)).toEqual([`rebind.test:${port}`]);
    // The next send resolves again, and is refused.
    const again = await sendOnce(`http://rebind.test:${port}/rebind-again`, { ...LOOPBACK_OPEN, resolve: rebinding });
    expect(again.attempts[0]?.error).toMatch(/^refused: 169\.254\.169\.254 is a link-local address/);
    expect(heard("/rebind-again")).toEqual([]);
  });

  it("refuses a test send the same way, and audits every test send", async () => {
    const url = `http://127.0.0.1:${port}/test-send`;
    const { id } = await createEndpoint(db, admin, { url, events: ["node.down"], format: "standard" });
    // The web server's own policy (its environment): loopback closed, as by default.
    const answer = await createCaller({ db, user: admin }).webhooks.sendTest({ id });
    expect(answer).toMatchObject({ url, statusCode: null, excerpt: null, error: LOOPBACK_REFUSED });
    expect(heard("/test-send")).toEqual([]);
    const select = { actor: true, target: true, outcome: true };
    const entries = await db.auditEntry.findMany({
      where: { action: "webhook.test-send", target: url },
      select: { ...select, details: true },
    });
    expect(entries).toEqual([
      { actor: admin.email, target: url, outcome: "failed", details: { endpoint: id, error: LOOPBACK_REFUSED } },
    ]);

    const opened = await sendTestEvent(db, id, LOOPBACK_OPEN);
    expect(opened).toMatchObject({ statusCode: 200, excerpt: "internal service: token=s3cr3t", error: null });
  });
});
