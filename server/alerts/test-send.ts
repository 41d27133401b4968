// "Send test event": one signed POST straight to an endpoint (not through the outbox), with the
// receiver's answer shown to the admin who asked. The egress policy applies as to any delivery.
import type { Db } from "../db/client.ts";
import { postWebhook } from "./egress/post.ts";
import type { Egress } from "./egress/target.ts";
import { formatBody } from "./formats.ts";
import { signWebhook } from "./signature.ts";

export async function sendTestEvent(db: Db, id: string, egress: Egress, consoleUrl?: string) {
  const select = { url: true, secret: true, format: true, routingKey: true } as const;
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id }, select });
  if (!endpoint) return null;
  const messageId = `msg_test_${Date.now()}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const payload = {
    type: "test",
    timestamp: new Date().toISOString(),
    data: {
      id: messageId,
      type: "test",
      severity: "info",
      summary: "Test event from HA Ops Console",
      cluster: null,
      node: null,
      drill: null,
      details: {},
      link: consoleUrl ? new URL("/", consoleUrl).toString() : "/",
    },
  };
  const body = JSON.stringify(formatBody(endpoint.format, payload, endpoint.routingKey ?? ""));
  const headers = {
    "content-type": "application/json",
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(endpoint.secret, messageId, timestamp, body),
  };
  return { url: endpoint.url, ...(await postWebhook(endpoint.url, headers, body, egress)) };
}
