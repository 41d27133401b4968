// What a drill phase works with and answers: the drill as the runner holds it, the cluster's nodes
// as stored, and the faulted nodes.
import type { Actor } from "../actions/request.ts";
import type { StepContext } from "../actions/steps.ts";
import { duration } from "../../lib/format.ts";
import type { Scenario } from "../../lib/drills.ts";
import type { DrillParams } from "./types.ts";

export type PhaseOutcome = { wait: string } | { ok: boolean; skipped?: boolean; detail: string };

export interface PhaseContext extends StepContext {
  drill: {
    id: string;
    clusterName: string;
    scenario: Scenario;
    params: DrillParams;
    injectedAt: Date | null;
    actor: Actor | null;
  };
}

export const nodesOf = (ctx: PhaseContext) =>
  ctx.db.node.findMany({
    where: { clusterId: ctx.clusterId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      role: true,
      reportedRole: true,
      state: true,
      confirmedDown: true,
      fenced: true,
      lastStatus: true,
    },
  });

export const faulted = (ctx: PhaseContext) => ctx.drill.params.faults.map((f) => f.node);
/** How long after the fault: a phase's words say so, while the page counts its times from the drill's start. */
export const since = (ctx: PhaseContext, at: Date) =>
  duration(at.getTime() - (ctx.drill.injectedAt?.getTime() ?? at.getTime()));
