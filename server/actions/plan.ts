// The plan of an action: every guard with its verdict and reason, the steps it will take and how
// long the whole should take. Pure over the cluster's state; the run computes it again.
import { capacityCovers, noOtherAction, nodeExists, notLastHealthy, notPaused } from "../guards/common-guards.ts";
import {
  cooldownPassed, dataLossAccepted, expectedPrimary, fencingAvailable, lagWithinRpo, noSplitBrain, primaryConfirmedDown, primaryDemotable, targetHealthy,
  targetServes,
} from "../guards/replication-guards.ts";
import { agentAvailable, primaryServes, rejoinCandidate } from "../guards/rejoin-guards.ts";
import { singleWriter, unfenceSingleWriter } from "../guards/single-writer.ts";
import type { GuardNode, GuardResult, GuardState } from "../guards/types.ts";
import type { PlannedStep, PlanRequest, StepSpec } from "./types.ts";

export interface PlanState extends GuardState {
  intervalMs: number;
  timeoutMs: number;
  failureThreshold: number;
}

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

/** How long a switchover waits for the target to catch up: 30 polls, within 5 s and 60 s. */
const catchUpMs = (intervalMs: number) => Math.min(60_000, Math.max(5_000, 30 * intervalMs));

/**
 * A switchover whose target never caught up has demoted the primary and promoted nobody: the old
 * primary, with every write, is promoted again. Only then: once the target was asked to promote,
 * promoting the old one could make two primaries.
 */
function rollBackTo(primary: string, servingMs: number): { name: string; spec: StepSpec }[] {
  return [
    { name: `roll back: promote ${primary} again`, spec: { kind: "agent", node: primary, type: "promote", params: {} } },
    { name: `roll back: validate ${primary} serves as primary`, spec: { kind: "serving-primary", node: primary, timeoutMs: servingMs } },
  ];
}

export function planAction(state: PlanState, request: PlanRequest, opts: { overrides?: string[]; automatic?: boolean } = {}): Plan {
  const find = (name: string | undefined) => state.nodes.find((n) => n.name === name);
  const target = find(request.target);
  const primary = state.nodes.find((n) => n.role === "PRIMARY" && n.name !== request.target) ?? state.nodes.find((n) => n.role === "PRIMARY");
  const agentMs = state.timeoutMs;
  const detectMs = state.failureThreshold * state.intervalMs + state.timeoutMs;
  const servingMs = 3 * state.intervalMs + state.timeoutMs;
  const guards: GuardResult[] = [nodeExists(target, request.target), noOtherAction(state), notPaused(state, target, opts.automatic ?? false)];
  const steps: PlannedStep[] = [];
  const t = request.target ?? "?";
  const otherStandbys = (except: string[]) => state.nodes.filter((n) => n.role === "STANDBY" && !except.includes(n.name));

  switch (request.type) {
    case "failover":
      guards.push(
        targetHealthy(target), targetServes(target), lagWithinRpo(state, target), primaryConfirmedDown(primary), noSplitBrain(state), cooldownPassed(state),
        fencingAvailable(primary), expectedPrimary(primary, request.params.expectedPrimary), dataLossAccepted(state, target, request.params.acceptDataLoss ?? false),
        singleWriter(state, target, primary?.name),
      );
      if (primary) steps.push({ name: `confirm ${primary.name} is down`, spec: { kind: "confirm-down", node: primary.name, timeoutMs: detectMs }, estimateMs: detectMs });
      if (primary && !primary.fenced) steps.push({ name: `fence ${primary.name}`, spec: { kind: "fence-old", node: primary.name, via: t }, estimateMs: agentMs });
      steps.push({ name: `promote ${t}`, spec: { kind: "agent", node: t, type: "promote", params: {} }, estimateMs: agentMs });
      steps.push({ name: `repoint standbys and traffic to ${t}`, spec: { kind: "repoint", node: t }, estimateMs: agentMs * Math.max(1, otherStandbys([t]).length) });
      steps.push({ name: `validate ${t} serves as primary`, spec: { kind: "serving-primary", node: t, timeoutMs: servingMs }, estimateMs: 2 * state.intervalMs });
      break;
    case "switchover":
      guards.push(
        targetHealthy(target), targetServes(target), lagWithinRpo(state, target), primaryDemotable(primary), noSplitBrain(state), cooldownPassed(state),
        expectedPrimary(primary, request.params.expectedPrimary), singleWriter(state, target, primary?.name),
      );
      steps.push({ name: `demote ${primary?.name ?? "the primary"}`, spec: { kind: "agent", node: primary?.name ?? "?", type: "demote", params: { upstream: t } }, estimateMs: agentMs });
      steps.push({ name: `wait for ${t} to catch up`, spec: { kind: "catch-up", node: t, timeoutMs: catchUpMs(state.intervalMs), rollback: primary ? rollBackTo(primary.name, servingMs) : [] }, estimateMs: 2 * state.intervalMs });
      steps.push({ name: `promote ${t}`, spec: { kind: "agent", node: t, type: "promote", params: {} }, estimateMs: agentMs });
      steps.push({ name: `repoint standbys and traffic to ${t}`, spec: { kind: "repoint", node: t }, estimateMs: agentMs * Math.max(1, otherStandbys([t]).length + 1) });
      steps.push({ name: `validate ${t} serves as primary`, spec: { kind: "serving-primary", node: t, timeoutMs: servingMs }, estimateMs: 2 * state.intervalMs });
      break;
    case "drain":
      guards.push(notLastHealthy(state, target), capacityCovers(state, target));
      steps.push({ name: `drain ${t}`, spec: { kind: "agent", node: t, type: "drain", params: {} }, estimateMs: agentMs });
      steps.push({ name: `wait for ${t}'s connections to fall`, spec: { kind: "connections-drained", node: t, timeoutMs: 60_000 }, estimateMs: 10_000 });
      break;
    case "undrain":
    case "unfence":
      // Back on the write path of a primary/standby cluster, or writable again: never a second writer.
      if (request.type === "unfence" || state.mode === "active-passive") guards.push(unfenceSingleWriter(state, target));
      steps.push({ name: `${request.type} ${t}`, spec: { kind: "agent", node: t, type: request.type, params: {} }, estimateMs: agentMs });
      break;
    case "rejoin":
      guards.push(rejoinCandidate(target, primary), primaryServes(primary), agentAvailable(target));
      steps.push({ name: `rejoin ${t} as a standby of ${primary?.name ?? "the primary"}`, spec: { kind: "agent", node: t, type: "demote", params: { upstream: primary?.name } }, estimateMs: 10 * agentMs });
      steps.push({ name: `validate ${t} follows ${primary?.name ?? "the primary"}`, spec: { kind: "follows", node: t, upstream: primary?.name ?? "", timeoutMs: 10 * servingMs }, estimateMs: 2 * state.intervalMs });
      break;
    case "fence":
      steps.push({ name: `${request.type} ${t}`, spec: { kind: "agent", node: t, type: request.type, params: {} }, estimateMs: agentMs });
      break;
    case "set-weight": {
      const weight = request.params.weight;
      guards.push(weight === undefined ? { id: "weight-given", ok: false, reason: "give params.weight (0 to 256)", overridable: false } : { id: "weight-given", ok: true, reason: `weight ${weight}`, overridable: false });
      steps.push({ name: `set the weight of ${t} to ${weight ?? "?"}`, spec: { kind: "agent", node: t, type: "set-weight", params: { weight } }, estimateMs: agentMs });
      break;
    }
  }
  const overrides = new Set(opts.overrides ?? []);
  const allowed = guards.every((g) => g.ok || (g.overridable && overrides.has(g.id)));
  const lossy = request.type === "failover" && target && target.replicationMode !== "sync" ? (target.lagBytes ?? 0) : null;
  return {
    guards,
    steps,
    allowed,
    estimateMs: steps.reduce((sum, s) => sum + s.estimateMs, 0),
    primary: primary?.name ?? null,
    potentialLossBytes: lossy && lossy > 0 ? lossy : null,
    lossMoment: state.lossMoment && { primary: state.lossMoment.primary, at: new Date(state.lossMoment.at).toISOString() },
  };
}

export type { GuardNode };
