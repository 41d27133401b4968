// "Send test event": one signed POST straight to an endpoint (not through the outbox), with the
// receiver's answer shown to the admin who asked.
import type { Db } from "../db/client.ts";
import { fetchError } from "./fetch-error.ts";
import { formatBody } from "./formats.ts";
import { signWebhook } from "./signature.ts";

export async function sendTestEvent(db: Db, id: string, consoleUrl?: string) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id }, select: { url: true, secret: true, format: true, routingKey: true } });
  if (!endpoint) return null;
  const messageId = `msg_test_${Date.now()}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const payload = {
    type: "test",
    timestamp: new Date().toISOString(),
    data: { id: messageId, type: "test", severity: "info", summary: "Test event from HA Ops Console", cluster: null, node: null, drill: null, details: {}, link: consoleUrl ?? "/" },
  };
  const body = JSON.stringify(formatBody(endpoint.format, payload, endpoint.routingKey ?? ""));
  const started = performance.now();
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/json", "webhook-id": messageId, "webhook-timestamp": String(timestamp), "webhook-signature": signWebhook(endpoint.secret, messageId, timestamp, body) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    return { statusCode: response.status, latencyMs: Math.round(performance.now() - started), excerpt: (await response.text()).slice(0, 500), error: null };
  } catch (error) {
    return { statusCode: null, latencyMs: Math.round(performance.now() - started), excerpt: null, error: fetchError(error, 10_000) };
  }
}
