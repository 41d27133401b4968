// Delivers the outbox: every pending delivery whose time has come is POSTed, signed, to its
// endpoint. 2xx is delivered; 410 disables the endpoint; anything else (or no answer within the
// timeout) is tried again on the retry schedule until it runs out. Every attempt is recorded —
// only if the delivery is still as this attempt found it: an attempt that another sender (a leader
// that took over while this one was paused) overtook is stale, and recording it could set a
// delivered message back to pending. The leader passes its fenced client on top of that. Targets
// are judged by the egress policy at every attempt (egress/). An attempt the database will not take
// as it came is stored without the receiver's answer: storing can never keep a delivery pending.
import type { Log } from "../../lib/log.ts";
import type { Db } from "../db/client.ts";
import { isConnectionError } from "../db/connection-error.ts";
import { postWebhook, type WebhookAnswer } from "./egress/post.ts";
import type { Egress } from "./egress/target.ts";
import { formatBody } from "./formats.ts";
import { webhookPayload } from "./payload.ts";
import { retryDelay, STANDARD_SCHEDULE_MS } from "./retry-schedule.ts";
import { signWebhook } from "./signature.ts";

const BATCH = 50;

export interface DispatcherOptions {
  consoleUrl?: string;
  schedule?: readonly number[];
  egress: Egress;
  log: Log;
}

interface Outcome {
  attemptCount: number;
  delivered: boolean;
  gone: boolean;
  /** Until the next attempt; null when there is none. */
  delay: number | null;
  answer: WebhookAnswer;
}

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
      const why = reason instanceof Error ? reason.message : String(reason);
      this.options.log(`Webhook delivery ${due[i]!.id}: ${why}`, { level: "warn" });
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
        messageId: true,
        attemptCount: true,
        status: true,
        endpoint: { select: { id: true, url: true, secret: true, enabled: true, format: true, routingKey: true } },
        event: {
          select: {
            id: true,
            at: true,
            type: true,
            severity: true,
            summary: true,
            details: true,
            drillId: true,
            cluster: { select: { name: true } },
            node: { select: { name: true } },
          },
        },
      },
    });
    if (delivery?.status !== "PENDING") return;
    const unchanged = { id, status: "PENDING" as const, attemptCount: delivery.attemptCount };
    if (!delivery.endpoint.enabled) {
      await db.webhookDelivery.updateMany({ where: unchanged, data: { status: "FAILED", nextAttemptAt: null } });
      return;
    }
    const body = JSON.stringify(
      formatBody(
        delivery.endpoint.format,
        webhookPayload(delivery.event, this.options.consoleUrl),
        delivery.endpoint.routingKey ?? "",
      ),
    );
    const answer = await send(delivery.endpoint, delivery.messageId, body, this.options.egress);
    const { statusCode } = answer;
    const attemptCount = delivery.attemptCount + 1;
    const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const gone = statusCode === 410;
    const delay = delivered || gone ? null : retryDelay(attemptCount, this.options.schedule ?? STANDARD_SCHEDULE_MS);
    const outcome: Outcome = { attemptCount, delivered, gone, delay, answer };
    let recorded: boolean;
    try {
      recorded = await record(db, unchanged, delivery.endpoint.id, outcome);
    } catch (failure) {
      // A lost session stores nothing, nor does lost leadership (no database error, so counted as a
      // lost session): the delivery is tried again once they are back.
      if (isConnectionError(failure)) throw failure;
      const why = failure instanceof Error ? failure.message : String(failure);
      this.options.log(`Webhook delivery ${id}: storing the attempt failed (${why}); storing it without the answer.`, {
        level: "warn",
      });
      const bare = { ...answer, excerpt: null, error: "the receiver's answer could not be stored" };
      recorded = await record(db, unchanged, delivery.endpoint.id, { ...outcome, answer: bare });
    }
    if (recorded && gone)
      this.options.log(`Webhook endpoint ${delivery.endpoint.url} answered 410 Gone: disabled.`, { level: "warn" });
  }
}

type Unchanged = { id: string; status: "PENDING"; attemptCount: number };

/** The attempt and the delivery's next state, in one transaction, if the delivery is still as read. */
function record(db: Db, unchanged: Unchanged, endpointId: string, outcome: Outcome) {
  const { attemptCount, delivered, gone, delay, answer } = outcome;
  return db.$transaction(async (tx) => {
    const status = delivered ? "SUCCEEDED" : delay === null ? "FAILED" : "PENDING";
    const nextAttemptAt = delay === null ? null : new Date(Date.now() + delay);
    const data = { attemptCount, status, nextAttemptAt } as const;
    const claimed = await tx.webhookDelivery.updateMany({ where: unchanged, data });
    if (claimed.count === 0) return false;
    const { statusCode, latencyMs, excerpt, error } = answer;
    const attempt = { deliveryId: unchanged.id, statusCode, latencyMs, responseExcerpt: excerpt, error };
    await tx.deliveryAttempt.create({ data: attempt });
    if (gone) {
      const disabledReason = `the receiver answered 410 Gone at ${new Date().toISOString()}`;
      await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { enabled: false, disabledReason } });
    }
    return true;
  });
}

/** One signed POST; never throws, the failure is part of the answer. */
function send(endpoint: { url: string; secret: string }, messageId: string, body: string, egress: Egress) {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    "content-type": "application/json",
    "user-agent": "ha-ops-console-webhooks/1",
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(endpoint.secret, messageId, timestamp, body),
  };
  return postWebhook(endpoint.url, headers, body, egress);
}
