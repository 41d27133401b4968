// Delivers the outbox: every pending delivery whose time has come is POSTed, signed, to its
// endpoint. 2xx is delivered; 410 disables the endpoint; anything else (or no answer within the
// timeout) is tried again on the retry schedule until it runs out. Every attempt is recorded —
// only if the delivery is still as this attempt found it: an attempt that another sender (a leader
// that took over while this one was paused) overtook is stale, and recording it could set a
// delivered message back to pending. The leader passes its fenced client on top of that.
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
  consoleUrl?: string;
  schedule?: readonly number[];
  log: (line: string) => void;
}

type Answer = { statusCode: number | null; excerpt: string | null; error: string | null; latencyMs: number };

export class WebhookDispatcher {
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: DispatcherOptions) {}

  async tick(db: Db) {
    const due = await db.webhookDelivery.findMany({
      where: { status: "PENDING", nextAttemptAt: { lte: new Date() }, id: { notIn: [...this.inFlight] } },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH,
      select: { id: true },
    });
    const attempts = await Promise.allSettled(due.map(({ id }) => this.deliver(db, id)));
    attempts.forEach((attempt, i) => {
      if (attempt.status === "fulfilled") return;
      const { reason } = attempt;
      this.options.log(`Webhook delivery ${due[i]!.id}: ${reason instanceof Error ? reason.message : String(reason)}`);
    });
  }

  /** One attempt at one delivery. */
  private async deliver(db: Db, id: string) {
    if (this.inFlight.has(id)) return;
    this.inFlight.add(id);
    try {
      await this.attempt(db, id);
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async attempt(db: Db, id: string) {
    const delivery = await db.webhookDelivery.findUnique({
      where: { id },
      select: {
        messageId: true, attemptCount: true, status: true,
        endpoint: { select: { id: true, url: true, secret: true, enabled: true, format: true, routingKey: true } },
        event: { select: { id: true, at: true, type: true, severity: true, summary: true, details: true, drillId: true, cluster: { select: { name: true } }, node: { select: { name: true } } } },
      },
    });
    if (!delivery || delivery.status !== "PENDING") return;
    const unchanged = { id, status: "PENDING" as const, attemptCount: delivery.attemptCount };
    if (!delivery.endpoint.enabled) {
      await db.webhookDelivery.updateMany({ where: unchanged, data: { status: "FAILED", nextAttemptAt: null } });
      return;
    }
    const body = JSON.stringify(formatBody(delivery.endpoint.format, webhookPayload(delivery.event, this.options.consoleUrl), delivery.endpoint.routingKey ?? ""));
    const answer = await send(delivery.endpoint, delivery.messageId, body);
    const { statusCode } = answer;
    const attemptCount = delivery.attemptCount + 1;
    const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const gone = statusCode === 410;
    const delay = delivered || gone ? null : retryDelay(attemptCount, this.options.schedule ?? STANDARD_SCHEDULE_MS);
    const recorded = await db.$transaction(async (tx) => {
      const status = delivered ? "SUCCEEDED" : delay === null ? "FAILED" : "PENDING";
      const nextAttemptAt = delay === null ? null : new Date(Date.now() + delay);
      const data = { attemptCount, status, nextAttemptAt } as const;
      const claimed = await tx.webhookDelivery.updateMany({ where: unchanged, data });
      if (claimed.count === 0) return false;
      const { latencyMs, excerpt, error } = answer;
      const attempt = { deliveryId: id, statusCode, latencyMs, responseExcerpt: excerpt, error };
      await tx.deliveryAttempt.create({ data: attempt });
      if (gone) {
        const disabledReason = `the receiver answered 410 Gone at ${new Date().toISOString()}`;
        const where = { id: delivery.endpoint.id };
        await tx.webhookEndpoint.update({ where, data: { enabled: false, disabledReason } });
      }
      return true;
    });
    if (recorded && gone) this.options.log(`Webhook endpoint ${delivery.endpoint.url} answered 410 Gone: disabled.`);
  }
}

/** One signed POST; never throws, the failure is part of the answer. */
async function send(endpoint: { url: string; secret: string }, messageId: string, body: string): Promise<Answer> {
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "ha-ops-console-webhooks/1",
        "webhook-id": messageId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(endpoint.secret, messageId, timestamp, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const excerpt = (await response.text().catch(() => "")).slice(0, EXCERPT);
    return { statusCode: response.status, excerpt, error: null, latencyMs: latencyMs() };
  } catch (failure) {
    return { statusCode: null, excerpt: null, error: fetchError(failure, TIMEOUT_MS), latencyMs: latencyMs() };
  }
}
