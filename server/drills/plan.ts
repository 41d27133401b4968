// The plan of a drill: its pre-checks (each a guard with a stable id), the faults it injects,
// the stop conditions that abort it and what each phase will do. Pure over the cluster's state.
import { bestStandby } from "../guards/best-standby.ts";
import { noOtherAction } from "../guards/common-guards.ts";
import { cooldownPassed } from "../guards/replication-guards.ts";
import { fail, pass, type GuardNode, type GuardResult } from "../guards/types.ts";
import type { PlanState } from "../actions/plan.ts";
import { detectionBoundMs } from "../detection/bound.ts";
import { bytes, duration } from "../../lib/format.ts";
import { scenarioFaults } from "./scenarios.ts";
import type { PhaseName } from "../../lib/drills.ts";
import type { DrillParams, DrillPlanRequest, StopConditions } from "./types.ts";

export interface DrillState extends PlanState {
  policy: "MANUAL" | "AUTOMATIC";
  requireSecondApproval: boolean;
  rtoTargetMs: number;
  halted: boolean;
  activeDrill: string | null;
  regions: Record<string, string | null>;
  /** The lag alert threshold in bytes (or the RPO budget), null when neither is set. */
  lagThresholdBytes: number | null;
}

export interface DrillPlan {
  guards: GuardResult[];
  allowed: boolean;
  params: DrillParams;
  targets: { rtoTargetMs: number; rpoBudgetBytes: number; rpoBudgetSeconds: number; detectionBoundMs: number };
}

const MiB = 1024 * 1024;
export const DEFAULT_MAX_ERROR_RATE = 0.05;

export function defaultStopConditions(state: DrillState, asked: DrillPlanRequest["stopConditions"]): StopConditions {
  return {
    maxErrorRate: asked.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE,
    maxLagBytes: asked.maxLagBytes ?? Math.max(64 * MiB, 4 * (state.lagThresholdBytes ?? 64 * MiB)),
  };
}

function clusterHealthy(state: DrillState): GuardResult {
  const id = "cluster-healthy";
  const unwell = state.nodes.filter((n) => n.state !== "HEALTHY" || n.fenced || n.failingAppChecks.length);
  const why = (n: GuardNode) =>
    n.fenced ? "fenced" : n.state !== "HEALTHY" ? n.state.toLowerCase() : `fails ${n.failingAppChecks.join(", ")}`;
  if (state.splitBrain) return fail(id, "split-brain: two nodes report primary");
  if (unwell.length)
    return fail(id, `not every node is healthy: ${unwell.map((n) => `${n.name} ${why(n)}`).join(", ")}`);
  return pass(id, `all ${state.nodes.length} nodes healthy`);
}

function capacityWithout(state: DrillState, faulted: string[]): GuardResult {
  const id = "capacity-n-1";
  const others = state.nodes.filter(
    (n) => !faulted.includes(n.name) && n.state === "HEALTHY" && (n.trafficState ?? "ready") === "ready",
  );
  if (others.length === 0) return fail(id, "no node would be left to serve");
  const total = state.nodes.reduce((sum, n) => sum + n.requestsPerSec, 0);
  if (others.some((n) => n.maxRequestsPerSec === null))
    return pass(id, `${others.length} nodes keep serving; their capacity is unknown`);
  const capacity = others.reduce((sum, n) => sum + (n.maxRequestsPerSec ?? 0), 0);
  const figures =
    `${Math.round(total)} req/s now, ` + `${Math.round(capacity)} req/s capacity on the ${others.length} nodes left`;
  return capacity >= total ? pass(id, figures) : fail(id, `${figures}: not enough`);
}

/**
 * A primary is confirmed down only by a majority of all its peers: a fault that takes most of them along leaves
 * nobody to confirm it.
 */
function peersCanConfirm(state: DrillState, primary: string, faulted: string[]): GuardResult {
  const id = "peers-can-confirm";
  const peers = state.nodes.filter((n) => n.name !== primary);
  const left = peers.filter((n) => !faulted.includes(n.name)).length;
  const majority = Math.floor(peers.length / 2) + 1;
  if (peers.length === 0 || left >= majority)
    return pass(id, `${left} of ${primary}'s ${peers.length} peers are left to confirm it down (${majority} needed)`);
  return fail(
    id,
    `only ${left} of ${primary}'s ${peers.length} peers would be left to confirm it down; ` +
      `${majority} are needed, so the console would not fail over`,
  );
}

function failoverTarget(state: DrillState, faulted: string[]): GuardResult {
  const id = "failover-target";
  const target = bestStandby(state.nodes, faulted);
  if (!target) return fail(id, "no healthy standby outside the fault to fail over to");
  const lag = `${bytes(target.lagBytes ?? 0)} behind`;
  return pass(id, `${target.name} (${target.replicationMode ?? "standby"}, ${lag}) would be promoted`);
}

export function planDrill(
  state: DrillState,
  request: DrillPlanRequest,
  opts: { unattended?: boolean } = {},
): DrillPlan {
  const chosen = scenarioFaults(state, request);
  const faulted = chosen.faults.map((f) => f.node);
  const primary = state.nodes.find((n) => n.role === "PRIMARY")?.name ?? null;
  const expectFailover = primary !== null && faulted.includes(primary);
  const boundMs = detectionBoundMs(state);
  const guards: GuardResult[] = [
    chosen.fits,
    state.halted
      ? fail("halt-off", "the global halt is on: no drill starts until it is lifted")
      : pass("halt-off", "no global halt"),
    state.paused || state.nodes.some((n) => n.paused && faulted.includes(n.name))
      ? fail("not-paused", "the cluster or a node to fault is paused: no drill touches it")
      : pass("not-paused", "not paused"),
    clusterHealthy(state),
    noOtherAction(state),
    state.activeDrill
      ? fail("no-running-drill", `drill ${state.activeDrill} is still running on ${state.cluster}`)
      : pass("no-running-drill", "no other drill on this cluster"),
    faulted.length && state.nodes.filter((n) => faulted.includes(n.name)).every((n) => n.hasAgent)
      ? pass(
          "agents-callable",
          `the fault goes in through the agent${faulted.length > 1 ? "s" : ""} of ${faulted.join(", ")}`,
        )
      : fail(
          "agents-callable",
          faulted.length ? `no agent to inject through on ${faulted.join(", ")}` : "no node to fault",
        ),
  ];
  if (expectFailover && primary) {
    guards.push(failoverTarget(state, faulted), peersCanConfirm(state, primary, faulted), {
      ...cooldownPassed(state),
      overridable: false,
    });
    if (opts.unattended && state.requireSecondApproval) {
      guards.push(
        fail(
          "no-approval-wait",
          "this cluster's failovers may wait for a second operator's approval: run this drill click-through",
        ),
      );
    }
  }
  if (state.mode === "active-active") guards.push(capacityWithout(state, faulted));
  const stopConditions = defaultStopConditions(state, request.stopConditions);
  const target = bestStandby(state.nodes, faulted)?.name ?? "the best standby";
  const failoverNote = !expectFailover
    ? state.mode === "active-active"
      ? "the load balancer sends the traffic to the nodes left"
      : `none expected: ${primary ?? "the primary"} keeps serving`
    : state.policy === "AUTOMATIC"
      ? `automatic failover (cluster policy) to ${target}`
      : `operator-run failover to ${target}, guarded like any failover`;
  const phaseNotes: Record<PhaseName, string> = {
    inject: chosen.description,
    detect: `wait until the console ${chosen.detects} (bound ${duration(boundMs)})`,
    failover: failoverNote,
    verify: expectFailover
      ? `a new primary serves writes and ${primary} is fenced or down`
      : state.mode === "active-active"
        ? "the nodes left serve the traffic"
        : `${primary ?? "the primary"} still serves and no failover happened`,
    restore: expectFailover
      ? `bring ${primary} back as a standby of the new primary, clear the faults, wait until every node is healthy`
      : "clear the faults and wait until every node is healthy",
  };
  return {
    guards,
    allowed: guards.every((g) => g.ok),
    params: {
      target: request.target ?? null,
      region: chosen.region,
      faults: chosen.faults,
      primary,
      expectFailover,
      policy: state.policy,
      stopConditions,
      phaseNotes,
    },
    targets: {
      rtoTargetMs: state.rtoTargetMs,
      rpoBudgetBytes: state.rpoBudgetBytes,
      rpoBudgetSeconds: state.rpoBudgetSeconds,
      detectionBoundMs: boundMs,
    },
  };
}
