// Webhook endpoints (admin): URL, subscribed event types, a secret shown once, rotation; audited.
// A URL whose host is an address the egress policy refuses is refused here (400 naming url).
import { z } from "zod";
import { appendAudit } from "../audit/append.ts";
import { safeText } from "../security/safe-input.ts";
import type { SessionUser } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { subscribedEvents } from "../events/subscription.ts";
import { configuredEgress } from "./egress/configured.ts";
import { refusedAtSave } from "./egress/target.ts";
import { newWebhookSecret } from "./signature.ts";

/** An address the egress policy refuses is refused at save; a name is judged at every send. */
function allowedTarget(url: string, ctx: z.RefinementCtx<string>) {
  if (!URL.canParse(url)) return;
  const refused = refusedAtSave(url, configuredEgress().networks);
  if (refused) ctx.addIssue({ code: "custom", message: `refused: ${refused}` });
}

/** An http(s) URL the console may POST to: webhooks and http hooks. */
export const outboundUrl = safeText(2000)
  .url("url must be an http(s) URL")
  .refine((u) => /^https?:\/\//.test(u), "url must be an http(s) URL")
  .superRefine(allowedTarget);

export const endpointInputSchema = z
  .object({
    url: outboundUrl,
    events: subscribedEvents,
    description: safeText(500).optional(),
    format: z.enum(["standard", "slack", "pagerduty"]).default("standard"),
    routingKey: safeText(200).min(1).optional(),
  })
  .refine((input) => input.format !== "pagerduty" || input.routingKey, {
    message: "routingKey: the PagerDuty integration key is required for the pagerduty format",
    path: ["routingKey"],
  });

export type EndpointInput = z.infer<typeof endpointInputSchema>;

const SELECT = {
  id: true,
  url: true,
  description: true,
  events: true,
  format: true,
  enabled: true,
  disabledReason: true,
  createdAt: true,
} as const;

export function listEndpoints(db: Db) {
  return db.webhookEndpoint.findMany({ orderBy: { createdAt: "asc" }, select: SELECT });
}

export async function createEndpoint(db: Db, actor: SessionUser, input: EndpointInput) {
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        url: input.url,
        events: input.events,
        description: input.description ?? "",
        format: input.format.toUpperCase() as "STANDARD",
        routingKey: input.routingKey ?? null,
        secret,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "webhook.create",
      target: input.url,
      outcome: endpoint.id,
      details: { events: input.events },
    });
    return { id: endpoint.id, secret };
  });
}

export async function rotateEndpointSecret(db: Db, actor: SessionUser, id: string) {
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true } });
    if (!endpoint) return null;
    await tx.webhookEndpoint.update({ where: { id }, data: { secret } });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "webhook.rotate-secret",
      target: endpoint.url,
      outcome: id,
    });
    return { id, secret };
  });
}

export async function deleteEndpoint(db: Db, actor: SessionUser, id: string) {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true } });
    if (!endpoint) return false;
    await tx.webhookEndpoint.delete({ where: { id } });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "webhook.delete",
      target: endpoint.url,
      outcome: id,
    });
    return true;
  });
}

/** Turns an endpoint on or off (e.g. back on after a 410 disabled it). */
export async function setEndpointEnabled(db: Db, actor: SessionUser, id: string, enabled: boolean) {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true } });
    if (!endpoint) return null;
    await tx.webhookEndpoint.update({
      where: { id },
      data: { enabled, disabledReason: enabled ? null : `disabled by ${actor.email}` },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: enabled ? "webhook.enable" : "webhook.disable",
      target: endpoint.url,
      outcome: id,
    });
    return { id, enabled };
  });
}
