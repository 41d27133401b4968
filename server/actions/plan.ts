// The plan of an action: every guard with its verdict and reason, the steps it will take and how
// long the whole should take. Pure over the cluster's state; the run computes it again.
import { capacityCovers, noOtherAction, nodeExists, notLastHealthy, notPaused } from "../guards/common-guards.ts";
import {
  cooldownPassed,
  dataLossAccepted,
  expectedPrimary,
  fencingAvailable,
  lagWithinRpo,
  noSplitBrain,
  primaryConfirmedDown,
  primaryDemotable,
  targetHealthy,
  targetServes,
} from "../guards/replication-guards.ts";
import { agentAvailable, primaryServes, rejoinCandidate } from "../guards/rejoin-guards.ts";
import { singleWriter, unfenceSingleWriter } from "../guards/single-writer.ts";
import { fail, pass, type GuardNode, type GuardResult, type GuardState } from "../guards/types.ts";
import { withHooks } from "./plan-hooks.ts";
import { planSteps, type StepState } from "./plan-steps.ts";
import type { PlannedStep, PlanRequest } from "./types.ts";

export interface PlanState extends GuardState, StepState {}

export interface Plan {
  guards: GuardResult[];
  steps: PlannedStep[];
  allowed: boolean;
  estimateMs: number;
  primary: string | null;
  potentialLossBytes: number | null;
  /** The moment the loss figures were taken: the lost primary's last contact; null while one serves. */
  lossMoment: { primary: string; at: string } | null;
}

type Opts = { overrides?: string[]; automatic?: boolean };

export function planAction(state: PlanState, request: PlanRequest, opts: Opts = {}): Plan {
  const target = state.nodes.find((n) => n.name === request.target);
  const primary =
    state.nodes.find((n) => n.role === "PRIMARY" && n.name !== request.target) ??
    state.nodes.find((n) => n.role === "PRIMARY");
  const guards = guardsOf(state, request, target, primary, opts.automatic ?? false);
  // Without a node of the cluster to act on, target-exists refuses the plan: there are no steps to show.
  const steps = target
    ? withHooks(planSteps(state, request, target.name, primary), state, request, target.name, primary?.name)
    : [];
  const overrides = new Set(opts.overrides ?? []);
  const allowed = guards.every((g) => g.ok || (g.overridable && overrides.has(g.id)));
  const asyncTarget = request.type === "failover" && target && target.replicationMode !== "sync";
  const lossy = asyncTarget ? (target.lagBytes ?? 0) : null;
  const { lossMoment } = state;
  return {
    guards,
    steps,
    allowed,
    estimateMs: steps.reduce((sum, s) => sum + s.estimateMs, 0),
    primary: primary?.name ?? null,
    potentialLossBytes: lossy && lossy > 0 ? lossy : null,
    lossMoment: lossMoment && { primary: lossMoment.primary, at: new Date(lossMoment.at).toISOString() },
  };
}

function guardsOf(
  state: PlanState,
  request: PlanRequest,
  target: GuardNode | undefined,
  primary: GuardNode | undefined,
  automatic: boolean,
): GuardResult[] {
  const common = [nodeExists(target, request.target), noOtherAction(state), notPaused(state, target, automatic)];
  const { expectedPrimary: expected, acceptDataLoss } = request.params;
  switch (request.type) {
    case "failover":
      return [
        ...common,
        targetHealthy(target),
        targetServes(target),
        lagWithinRpo(state, target),
        primaryConfirmedDown(primary),
        noSplitBrain(state),
        cooldownPassed(state),
        fencingAvailable(primary),
        expectedPrimary(primary, expected),
        dataLossAccepted(state, target, acceptDataLoss ?? false),
        singleWriter(state, target, primary?.name),
      ];
    case "switchover":
      return [
        ...common,
        targetHealthy(target),
        targetServes(target),
        lagWithinRpo(state, target),
        primaryDemotable(primary),
        noSplitBrain(state),
        cooldownPassed(state),
        expectedPrimary(primary, expected),
        singleWriter(state, target, primary?.name),
      ];
    case "drain":
      return [...common, notLastHealthy(state, target), capacityCovers(state, target)];
    case "undrain":
    case "unfence":
      // Back on the write path of a primary/standby cluster, or writable again: never a second writer.
      if (request.type === "unfence" || state.mode === "active-passive") {
        return [...common, unfenceSingleWriter(state, target)];
      }
      return common;
    case "rejoin":
      return [...common, rejoinCandidate(target, primary), primaryServes(primary), agentAvailable(target)];
    case "fence":
      return common;
    case "set-weight": {
      const weight = request.params.weight;
      if (weight === undefined) return [...common, fail("weight-given", "give params.weight (0 to 256)")];
      return [...common, pass("weight-given", `weight ${weight}`)];
    }
  }
}

export type { GuardNode };
