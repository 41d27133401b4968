// Planning and requesting an action: the one implementation behind the UI, the API and the
// automatic failover. Guards are judged again here, at request time; the runner runs the steps.
import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/append.ts";
import { hasRole, type Role } from "../../lib/roles.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { recordEvent } from "../events/record.ts";
import { ActionError } from "./errors.ts";
import { loadPlanState } from "./cluster-state.ts";
import { actionLabel, storedType } from "./names.ts";
import { planAction, type Plan } from "./plan.ts";
import type { PlanRequest, RunRequest } from "./types.ts";
import { toJson } from "../db/json.ts";

export interface Actor {
  id: string | null;
  email: string;
  role: Role;
}

export const SYSTEM_ACTOR: Actor = { id: null, email: "system", role: "operator" };

async function stateOf(db: Db, clusterName: string) {
  const state = await loadPlanState(db, clusterName);
  if (!state) throw new ActionError("NOT_FOUND", `No cluster named ${clusterName}.`);
  return state;
}

export async function planFor(db: Db, actor: Actor, clusterName: string, request: PlanRequest): Promise<Plan> {
  const plan = planAction(await stateOf(db, clusterName), request);
  await db.$transaction((tx) =>
    appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: `plan.${request.type}`,
      target: `${clusterName}/${request.target ?? "-"}`,
      guards: toJson(plan.guards),
      outcome: plan.allowed ? "allowed" : "refused",
    }),
  );
  return plan;
}

export async function requestAction(
  db: Db,
  actor: Actor,
  clusterName: string,
  input: RunRequest,
  opts: { automatic?: boolean } = {},
) {
  if (input.idempotencyKey) {
    const known = await db.action.findUnique({
      where: { idempotencyKey: input.idempotencyKey },
      select: { id: true, status: true },
    });
    if (known) return known;
  }
  if (input.confirm !== clusterName)
    throw new ActionError("BAD_REQUEST", `confirm: type the cluster's name (${clusterName}) to confirm.`, {
      field: "confirm",
    });
  if (input.overrides.length && !hasRole(actor.role, "admin"))
    throw new ActionError("FORBIDDEN", "Only admins may override guards.");
  const state = await stateOf(db, clusterName);
  const plan = planAction(state, input, { overrides: input.overrides, automatic: opts.automatic });
  const target = `${clusterName}/${input.target ?? "-"}`;
  const guards = toJson(plan.guards);
  if (!plan.allowed) {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        actorId: actor.id,
        actor: actor.email,
        action: `action.${input.type}`,
        target,
        reason: input.reason,
        guards,
        outcome: "refused by guards",
      }),
    );
    const failing = plan.guards.filter((g) => !g.ok && !(g.overridable && input.overrides.includes(g.id)));
    // Named by its own target first: a guard's reason may name another node (the primary it judges).
    const label = actionLabel(input.type, clusterName, input.target ?? null);
    throw new ActionError("CONFLICT", `Refused: ${label}. ${failing.map((g) => `${g.id}: ${g.reason}`).join("; ")}.`, {
      guards: plan.guards,
    });
  }
  const usedOverrides = plan.guards.filter((g) => !g.ok && input.overrides.includes(g.id)).map((g) => g.id);
  try {
    return await db.$transaction(async (tx) => {
      const action = await tx.action.create({
        data: {
          clusterId: state.id,
          type: storedType(input.type),
          targetNode: input.target ?? null,
          params: input.params as Prisma.InputJsonValue,
          reason: input.reason,
          expectedPrimary: input.params.expectedPrimary ?? plan.primary,
          guards,
          overrides: usedOverrides,
          idempotencyKey: input.idempotencyKey ?? null,
          requestedById: actor.id,
          automatic: opts.automatic ?? false,
          requiresApproval: state.requireSecondApproval && plan.potentialLossBytes !== null,
          acceptedLossBytes: plan.potentialLossBytes === null ? null : BigInt(plan.potentialLossBytes),
          steps: {
            create: plan.steps.map((step, seq) => ({
              seq,
              name: step.name,
              spec: toJson(step.spec),
              idempotencyKey: randomUUID(),
            })),
          },
        },
        select: { id: true, status: true, requiresApproval: true },
      });
      await appendAudit(tx, {
        actorId: actor.id,
        actor: actor.email,
        action: `action.${input.type}`,
        target,
        reason: input.reason,
        guards,
        outcome: `requested ${action.id}`,
        details: { action: action.id },
      });
      for (const id of usedOverrides) {
        await appendAudit(tx, {
          actorId: actor.id,
          actor: actor.email,
          action: "guard.override",
          target,
          reason: input.reason,
          outcome: id,
          details: { action: action.id },
        });
        const guard = plan.guards.find((g) => g.id === id);
        await recordEvent(tx, {
          type: "guard.override",
          severity: "WARNING",
          clusterId: state.id,
          summary:
            `${actor.email} overrode ${id} for a ${input.type} of ${clusterName}: ${guard?.reason ?? ""}` +
            ` (reason: ${input.reason})`,
          details: { action: action.id, guard: id },
        });
      }
      return { id: action.id, status: action.status };
    });
  } catch (error) {
    if (isUniqueViolation(error, "action_one_active_per_cluster"))
      throw new ActionError("CONFLICT", `Another action is pending or running on ${clusterName}; one at a time.`);
    throw error;
  }
}
