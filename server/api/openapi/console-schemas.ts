// The rest of the REST API's answers: alerts, the audit log, the global halt, webhook endpoints.
import { z } from "zod";
import { component, isoTime } from "./components.ts";

export const alertSchema = component(
  "Alert",
  "An alert: open until its condition resolves; an acknowledged one repeats no more.",
  z.object({
    id: z.string(),
    type: z.string(),
    severity: z.enum(["info", "warning", "critical"]),
    cluster: z.string(),
    node: z.string().nullable(),
    openedAt: isoTime,
    resolvedAt: isoTime.nullable(),
    acknowledgedBy: z.string().nullable(),
    acknowledgedAt: isoTime.nullable(),
    note: z.string().nullable(),
    repeats: z.number(),
  }),
);

export const alertListSchema = component(
  "AlertList",
  "Alerts, open ones first.",
  z.object({ alerts: z.array(alertSchema) }),
);

const auditEntrySchema = z.object({
  seq: z.number(),
  at: isoTime,
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  reason: z.string().nullable(),
  guards: z.unknown().describe("The guards' verdicts when the entry judged some, else null."),
  outcome: z.string(),
  details: z.unknown(),
  hash: z.string(),
});

const chainSchema = z.object({
  verified: z.boolean(),
  brokenAt: z.number().optional(),
  missing: z.object({ from: z.number(), through: z.number() }).optional(),
  reason: z.string().optional(),
  checkpoint: z.object({ id: z.number(), seq: z.number(), hash: z.string(), at: isoTime }).nullable(),
  verifiedThrough: z.number().nullable(),
  lastFullWalk: z.object({ at: isoTime, verified: z.boolean(), brokenAt: z.number().optional() }).nullable(),
});

export const auditPageSchema = component(
  "AuditPage",
  "Audit entries, newest first, and whether the hash chain verifies.",
  z.object({ entries: z.array(auditEntrySchema), chain: chainSchema }),
);

export const haltSchema = component(
  "Halt",
  "The global halt: while active, no automatic action runs and no drill starts or goes on.",
  z.object({
    active: z.boolean(),
    since: isoTime.nullable(),
    by: z.string().nullable(),
    reason: z.string().nullable(),
  }),
);

export const webhookListSchema = component(
  "WebhookList",
  "Webhook endpoints (their secrets are not shown again).",
  z.object({
    webhooks: z.array(
      z.object({
        id: z.string(),
        url: z.string(),
        description: z.string(),
        events: z.array(z.string()),
        format: z.enum(["STANDARD", "SLACK", "PAGERDUTY"]),
        enabled: z.boolean(),
        disabledReason: z.string().nullable(),
        createdAt: isoTime,
      }),
    ),
  }),
);

export const webhookCreatedSchema = component(
  "WebhookCreated",
  "A new endpoint and its signing secret, shown only here.",
  z.object({ id: z.string(), secret: z.string() }),
);
