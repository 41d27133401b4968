// Cluster settings (admin): detection timing, RPO/RTO, cooldown, availability target, alert
// thresholds, failover policy. Validated, audited with what changed; the leader takes them up
// at its next fleet refresh (within 5 s).
import { z } from "zod";
import { appendAudit } from "../audit/append.ts";
import type { SessionUser } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { subscribedEvents } from "../events/subscription.ts";

const int = (min: number, max: number, field: string) =>
  z
    .number()
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);

export const clusterSettingsSchema = z
  .object({
    intervalMs: int(100, 60_000, "intervalMs"),
    timeoutMs: int(50, 60_000, "timeoutMs"),
    failureThreshold: int(1, 20, "failureThreshold"),
    rpoBudgetBytes: int(0, Number.MAX_SAFE_INTEGER, "rpoBudgetBytes"),
    rpoBudgetSeconds: z.number().min(0).max(86_400),
    rtoTargetMs: int(0, 86_400_000, "rtoTargetMs"),
    cooldownMs: int(0, 7 * 86_400_000, "cooldownMs"),
    availabilityTarget: z
      .number()
      .min(50, "availabilityTarget must be at least 50")
      .max(99.99999, "availabilityTarget must be below 100"),
    lagAlertBytes: int(0, Number.MAX_SAFE_INTEGER, "lagAlertBytes").nullable(),
    lagAlertSeconds: z.number().min(0).max(86_400).nullable(),
    imbalanceAlertPercent: z.number().min(1).max(100).nullable(),
    alertEvents: subscribedEvents,
    alertRepeatMinutes: int(1, 7 * 24 * 60, "alertRepeatMinutes").nullable(),
    policy: z.enum(["manual", "automatic"]),
    requireSecondApproval: z.boolean(),
  })
  .partial();

export type ClusterSettingsInput = z.infer<typeof clusterSettingsSchema>;

export async function updateClusterSettings(
  db: Db,
  actor: SessionUser,
  name: string,
  input: ClusterSettingsInput,
  reason: string,
) {
  return db.$transaction(async (tx) => {
    const before = await tx.cluster.findUnique({ where: { name } });
    if (!before) return null;
    const data: Prisma.ClusterUpdateInput = {
      ...input,
      rpoBudgetBytes: input.rpoBudgetBytes === undefined ? undefined : BigInt(input.rpoBudgetBytes),
      lagAlertBytes:
        input.lagAlertBytes === undefined
          ? undefined
          : input.lagAlertBytes === null
            ? null
            : BigInt(input.lagAlertBytes),
      policy: input.policy === undefined ? undefined : input.policy === "automatic" ? "AUTOMATIC" : "MANUAL",
    };
    await tx.cluster.update({ where: { name }, data });
    const changes = Object.fromEntries(
      Object.entries(input).map(([key, value]) => [
        key,
        {
          from: String((before as Record<string, unknown>)[key] ?? null).toLowerCase(),
          to: String(value).toLowerCase(),
        },
      ]),
    );
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "cluster.settings",
      target: name,
      reason,
      outcome: "changed",
      details: changes,
    });
    return { name };
  });
}
