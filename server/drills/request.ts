// Planning and starting a drill: one implementation behind the UI, the API and the schedule.
// The pre-checks are judged again at the start; the runner does the rest.
import { ActionError } from "../actions/errors.ts";
import type { Actor } from "../actions/request.ts";
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { planDrill, type DrillPlan } from "./plan.ts";
import { loadDrillState } from "./state.ts";
import { PHASES } from "../../lib/drills.ts";
import type { DrillPlanRequest, DrillStartRequest } from "./types.ts";
import { toJson } from "../db/json.ts";
import { storedScenario } from "./scenario-names.ts";

export async function drillPlanFor(db: Db, clusterName: string, request: DrillPlanRequest): Promise<DrillPlan> {
  const state = await loadDrillState(db, clusterName);
  if (!state) throw new ActionError("NOT_FOUND", `No cluster named ${clusterName}.`);
  return planDrill(state, request);
}

export async function startDrill(
  db: Db,
  actor: Actor,
  clusterName: string,
  input: DrillStartRequest,
  opts: { unattended: boolean; scheduled?: boolean },
) {
  if (input.confirm !== clusterName)
    throw new ActionError("BAD_REQUEST", `confirm: type the cluster's name (${clusterName}) to confirm.`, {
      field: "confirm",
    });
  const state = await loadDrillState(db, clusterName);
  if (!state) throw new ActionError("NOT_FOUND", `No cluster named ${clusterName}.`);
  const plan = planDrill(state, input, { unattended: opts.unattended });
  const target = `${clusterName}/${input.scenario}`;
  const guards = toJson(plan.guards);
  if (!plan.allowed) {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        actorId: actor.id,
        actor: actor.email,
        action: "drill.start",
        target,
        reason: input.reason,
        guards,
        outcome: "refused by pre-checks",
      }),
    );
    const failing = plan.guards.filter((g) => !g.ok);
    throw new ActionError("CONFLICT", `Refused: ${failing.map((g) => `${g.id}: ${g.reason}`).join("; ")}.`, {
      guards: plan.guards,
    });
  }
  try {
    return await db.$transaction(async (tx) => {
      const drill = await tx.drill.create({
        data: {
          clusterId: state.id,
          scenario: storedScenario(input.scenario),
          params: toJson(plan.params),
          reason: input.reason,
          status: "RUNNING",
          unattended: opts.unattended,
          scheduled: opts.scheduled ?? false,
          startedById: actor.id,
          startedAt: new Date(),
          phases: {
            create: PHASES.map((name, seq) => ({
              seq,
              name,
              status: opts.unattended && seq === 0 ? "RUNNING" : "PENDING",
              startedAt: opts.unattended && seq === 0 ? new Date() : null,
            })),
          },
        },
        select: { id: true, status: true },
      });
      await appendAudit(tx, {
        actorId: actor.id,
        actor: actor.email,
        action: "drill.start",
        target,
        reason: input.reason,
        guards,
        outcome: `started ${drill.id}`,
        details: { drill: drill.id, unattended: opts.unattended },
      });
      return drill;
    });
  } catch (error) {
    if (isUniqueViolation(error, "drill_one_active_per_cluster"))
      throw new ActionError("CONFLICT", `Another drill is running on ${clusterName}; one at a time.`);
    throw error;
  }
}
