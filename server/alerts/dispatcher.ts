// Delivers the outbox: every pending delivery whose time has come is POSTed, signed, to its
// endpoint. 2xx is delivered; 410 disables the endpoint; anything else (or no answer within the
// timeout) is tried again on the retry schedule until it runs out. Every attempt is recorded.
import type { Db } from "../db/client.ts";
import { fetchError } from "./fetch-error.ts";
import { formatBody } from "./formats.ts";
import { webhookPayload } from "./payload.ts";
import { retryDelay, STANDARD_SCHEDULE_MS } from "./retry-schedule.ts";
import { signWebhook } from "./signature.ts";

const TIMEOUT_MS = 10_000;
const BATCH = 50;
const EXCERPT = 500;

export interface DispatcherOptions {
  db: Db;
  consoleUrl?: string;
  schedule?: readonly number[];
  log: (line: string) => void;
}

export class WebhookDispatcher {
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: DispatcherOptions) {}

  async tick() {
    const due = await this.options.db.webhookDelivery.findMany({
      where: { status: "PENDING", nextAttemptAt: { lte: new Date() }, id: { notIn: [...this.inFlight] } },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH,
      select: { id: true },
    });
    await Promise.all(due.map(({ id }) => this.deliver(id)));
  }

  /** One attempt at one delivery (also what manual redelivery runs). */
  async deliver(id: string) {
    if (this.inFlight.has(id)) return;
    this.inFlight.add(id);
    try {
      await this.attempt(id);
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async attempt(id: string) {
    const { db } = this.options;
    const delivery = await db.webhookDelivery.findUnique({
      where: { id },
      select: {
        messageId: true, attemptCount: true,
        endpoint: { select: { id: true, url: true, secret: true, enabled: true, format: true, routingKey: true } },
        event: { select: { id: true, at: true, type: true, severity: true, summary: true, details: true, drillId: true, cluster: { select: { name: true } }, node: { select: { name: true } } } },
      },
    });
    if (!delivery) return;
    if (!delivery.endpoint.enabled) {
      await db.webhookDelivery.update({ where: { id }, data: { status: "FAILED", nextAttemptAt: null } });
      return;
    }
    const body = JSON.stringify(formatBody(delivery.endpoint.format, webhookPayload(delivery.event, this.options.consoleUrl), delivery.endpoint.routingKey ?? ""));
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let excerpt: string | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.endpoint.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "ha-ops-console-webhooks/1",
          "webhook-id": delivery.messageId,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signWebhook(delivery.endpoint.secret, delivery.messageId, timestamp, body),
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = response.status;
      excerpt = (await response.text().catch(() => "")).slice(0, EXCERPT);
    } catch (failure) {
      error = fetchError(failure, TIMEOUT_MS);
    }
    const latencyMs = Math.round(performance.now() - started);
    const attemptCount = delivery.attemptCount + 1;
    const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const gone = statusCode === 410;
    const delay = delivered || gone ? null : retryDelay(attemptCount, this.options.schedule ?? STANDARD_SCHEDULE_MS);
    await db.$transaction([
      db.deliveryAttempt.create({ data: { deliveryId: id, statusCode, latencyMs, responseExcerpt: excerpt, error } }),
      db.webhookDelivery.update({
        where: { id },
        data: {
          attemptCount,
          status: delivered ? "SUCCEEDED" : delay === null ? "FAILED" : "PENDING",
          nextAttemptAt: delay === null ? null : new Date(Date.now() + delay),
        },
      }),
      ...(gone
        ? [db.webhookEndpoint.update({ where: { id: delivery.endpoint.id }, data: { enabled: false, disabledReason: `the receiver answered 410 Gone at ${new Date().toISOString()}` } })]
        : []),
    ]);
    if (gone) this.options.log(`Webhook endpoint ${delivery.endpoint.url} answered 410 Gone: disabled.`);
  }
}
