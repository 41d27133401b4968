// Cluster settings (admin): detection timing, RPO/RTO, cooldown, availability target, alert
// thresholds, failover policy, who decides failovers (the console or Redis Sentinel). Validated, audited with what changed; the leader takes them up
// at its next fleet refresh (within 5 s).
import { z } from "zod";
import { type NumericSetting, SETTING_LIMITS } from "../../lib/cluster-settings.ts";
import { ActionError } from "../actions/errors.ts";
import { appendAudit } from "../audit/append.ts";
import type { SessionUser } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { subscribedEvents } from "../events/subscription.ts";

const int = (field: NumericSetting) => {
  const { min, max } = SETTING_LIMITS[field];
  return z
    .number()
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);
};
const between = (field: NumericSetting) => z.number().min(SETTING_LIMITS[field].min).max(SETTING_LIMITS[field].max);

export const clusterSettingsSchema = z
  .object({
    intervalMs: int("intervalMs"),
    timeoutMs: int("timeoutMs"),
    failureThreshold: int("failureThreshold"),
    rpoBudgetBytes: int("rpoBudgetBytes"),
    rpoBudgetSeconds: between("rpoBudgetSeconds"),
    rtoTargetMs: int("rtoTargetMs"),
    cooldownMs: int("cooldownMs"),
    availabilityTarget: z
      .number()
      .min(SETTING_LIMITS.availabilityTarget.min, "availabilityTarget must be at least 50")
      .max(SETTING_LIMITS.availabilityTarget.max, "availabilityTarget must be below 100"),
    lagAlertBytes: int("lagAlertBytes").nullable(),
    lagAlertSeconds: between("lagAlertSeconds").nullable(),
    imbalanceAlertPercent: between("imbalanceAlertPercent").nullable(),
    alertEvents: subscribedEvents,
    alertRepeatMinutes: int("alertRepeatMinutes").nullable(),
    policy: z.enum(["manual", "automatic"]),
    /** sentinel: Redis Sentinel decides failovers; the console watches, asks it, and never promotes by itself. */
    managedBy: z.enum(["console", "sentinel"]),
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
    if (input.managedBy === "sentinel" && before.system !== "redis")
      throw new ActionError(
        "BAD_REQUEST",
        `managedBy: sentinel manages Redis clusters only; ${name} is ${before.system}`,
        {
          field: "managedBy",
        },
      );
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
