// An endpoint's delivery log (each attempt's time, status, latency, response excerpt) and manual
// redelivery, which queues the same message (same webhook-id) again.
import { appendAudit } from "../audit/append.ts";
import type { SessionUser } from "../auth/session.ts";
import type { Db } from "../db/client.ts";

export async function deliveryLog(db: Db, endpointId: string, limit = 100) {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: { id: true, url: true, description: true, events: true, format: true, enabled: true, disabledReason: true },
  });
  if (!endpoint) return null;
  const deliveries = await db.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      messageId: true,
      status: true,
      attemptCount: true,
      nextAttemptAt: true,
      createdAt: true,
      event: { select: { type: true, summary: true, at: true } },
      attempts: {
        orderBy: { at: "asc" },
        select: { at: true, statusCode: true, latencyMs: true, responseExcerpt: true, error: true },
      },
    },
  });
  return { endpoint, deliveries };
}

export async function redeliver(db: Db, actor: SessionUser, deliveryId: string) {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: { messageId: true, endpoint: { select: { url: true } } },
    });
    if (!delivery) return null;
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "PENDING", nextAttemptAt: new Date() },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "webhook.redeliver",
      target: delivery.endpoint.url,
      outcome: delivery.messageId,
    });
    return { id: deliveryId };
  });
}
