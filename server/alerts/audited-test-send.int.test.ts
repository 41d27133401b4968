// "Send test event" is audited: who sent it, to which URL, and what came back or why not.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { freePort } from "../db/free-port.ts";
import { makeUser } from "../testing/users.ts";
import { sendAuditedTestEvent } from "./audited-test-send.ts";
import { networks } from "./egress/networks.ts";
import type { Egress } from "./egress/target.ts";
import { createEndpoint } from "./endpoints.ts";

const receiver = createServer((req, res) => req.resume().on("end", () => res.writeHead(204).end()));
let receiverUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/test-hook`;
});
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

// The receiver listens on loopback, which the egress policy opens only when told to.
const LOOPBACK_OPEN: Egress = { networks: { allowed: networks("127.0.0.0/8"), denied: [] } };

async function sendTest(url: string) {
  const admin = await makeUser("admin");
  const { id } = await createEndpoint(db(), admin, { url, events: ["*"], format: "standard" });
  const result = await sendAuditedTestEvent(db(), admin, id, LOOPBACK_OPEN);
  const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "webhook.test-send", actor: admin.email } });
  return { id, result: result!, audit };
}

describe("webhooks.sendTest", () => {
  it("audits a test that was answered, with the answer", async () => {
    const { id, result, audit } = await sendTest(receiverUrl);
    expect(result.statusCode).toBe(204);
    expect(audit).toMatchObject({
      target: receiverUrl,
      outcome: "answered 204",
      details: { endpoint: id, error: null },
    });
  });

  it("audits a test that could not be delivered, with why", async () => {
    const closed = `http://127.0.0.1:${await freePort()}/nobody-listens`;
    const { audit } = await sendTest(closed);
    expect(audit).toMatchObject({ target: closed, outcome: "failed", details: { error: expect.any(String) } });
  });
});
