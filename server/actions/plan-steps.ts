// The steps an action takes on a node of the cluster, with how long each should take. Every step
// names only nodes the plan knows: where one is missing (no primary to demote or to follow, no
// weight to set) the step is left out, and the guard that misses it refuses the plan.
import { detectionBoundMs, type DetectionSettings } from "../detection/bound.ts";
import type { GuardNode } from "../guards/types.ts";
import type { HookState } from "./plan-hooks.ts";
import type { PlannedStep, PlanRequest, StepSpec } from "./types.ts";

type AgentCall = Extract<StepSpec, { kind: "agent" }>["type"];

export interface StepState extends DetectionSettings, HookState {
  nodes: GuardNode[];
  /** Sentinel decides a Sentinel-managed Redis cluster's failovers: the console asks it, never promotes itself. */
  managedBy?: "console" | "sentinel";
}

/** Sentinel's own failover: its leader election, the promotion and the replicas' reconfiguration. */
const SENTINEL_FAILOVER_MS = 5_000;

/** How long a switchover waits for the target to catch up: 30 polls, within 5 s and 60 s. */
const catchUpMs = (intervalMs: number) => Math.min(60_000, Math.max(5_000, 30 * intervalMs));

/**
 * A switchover whose target never caught up has demoted the primary and promoted nobody: the old
 * primary, with every write, is promoted again. Only then: once the target was asked to promote,
 * promoting the old one could make two primaries.
 */
function rollBackTo(primary: string, servingMs: number): { name: string; spec: StepSpec }[] {
  return [
    {
      name: `roll back: promote ${primary} again`,
      spec: { kind: "agent", node: primary, type: "promote", params: {} },
    },
    {
      name: `roll back: validate ${primary} serves as primary`,
      spec: { kind: "serving-primary", node: primary, timeoutMs: servingMs },
    },
  ];
}

/** The steps of `request` on `t`, a node of the cluster; `primary` is the cluster's primary, if any. */
export function planSteps(
  state: StepState,
  request: PlanRequest,
  t: string,
  primary: GuardNode | undefined,
): PlannedStep[] {
  const agentMs = state.timeoutMs;
  const servingMs = 3 * state.intervalMs + state.timeoutMs;
  const pollsMs = 2 * state.intervalMs;
  const otherStandbys = state.nodes.filter((n) => n.role === "STANDBY" && n.name !== t).length;
  const agent = (type: AgentCall, node: string, params: Record<string, unknown> = {}): StepSpec => ({
    kind: "agent",
    node,
    type,
    params,
  });
  const promote: PlannedStep = { name: `promote ${t}`, spec: agent("promote", t), estimateMs: agentMs };
  /** `demoted`: a switchover's old primary is one more standby to repoint. */
  const repoint = (demoted: number): PlannedStep => ({
    name: `repoint standbys and traffic to ${t}`,
    spec: { kind: "repoint", node: t },
    estimateMs: agentMs * Math.max(1, otherStandbys + demoted),
  });
  const serving: PlannedStep = {
    name: `validate ${t} serves as primary`,
    spec: { kind: "serving-primary", node: t, timeoutMs: servingMs },
    estimateMs: pollsMs,
  };

  if (state.managedBy === "sentinel" && (request.type === "failover" || request.type === "switchover")) {
    // Sentinel repoints its replicas itself; the target's agent asks it and follows with HAProxy.
    const ask = {
      name: `ask Sentinel to fail over to ${t}`,
      spec: agent("promote", t),
      estimateMs: SENTINEL_FAILOVER_MS,
    };
    if (request.type === "failover" || !primary) return [ask, serving];
    // Sentinel's failover neither pauses the old master nor waits for the target: writes it took meanwhile
    // would be thrown away when it becomes a replica. It is fenced first and the target catches up.
    const fenceOld = { name: `fence ${primary.name}`, spec: agent("fence", primary.name), estimateMs: agentMs };
    const catchUp: PlannedStep = {
      name: `wait for ${t} to catch up`,
      spec: {
        kind: "catch-up",
        node: t,
        timeoutMs: catchUpMs(state.intervalMs),
        rollback: rollBackTo(primary.name, servingMs),
      },
      estimateMs: pollsMs,
    };
    const follows: PlannedStep = {
      name: `wait for Sentinel to make ${primary.name} a replica of ${t}`,
      spec: agent("demote", primary.name, { upstream: t }),
      estimateMs: SENTINEL_FAILOVER_MS,
    };
    return [fenceOld, catchUp, ask, serving, follows];
  }
  switch (request.type) {
    case "failover": {
      if (!primary) return [promote, repoint(0), serving];
      const detectMs = detectionBoundMs(state);
      const confirm = { kind: "confirm-down", node: primary.name, timeoutMs: detectMs } as const;
      const steps: PlannedStep[] = [{ name: `confirm ${primary.name} is down`, spec: confirm, estimateMs: detectMs }];
      const fence = { kind: "fence-old", node: primary.name, via: t } as const;
      if (!primary.fenced) steps.push({ name: `fence ${primary.name}`, spec: fence, estimateMs: agentMs });
      return [...steps, promote, repoint(0), serving];
    }
    case "switchover": {
      const rollback = primary ? rollBackTo(primary.name, servingMs) : [];
      const catchUp: PlannedStep = {
        name: `wait for ${t} to catch up`,
        spec: { kind: "catch-up", node: t, timeoutMs: catchUpMs(state.intervalMs), rollback },
        estimateMs: pollsMs,
      };
      const tail = [catchUp, promote, repoint(1), serving];
      if (!primary) return tail;
      const demote = agent("demote", primary.name, { upstream: t });
      return [{ name: `demote ${primary.name}`, spec: demote, estimateMs: agentMs }, ...tail];
    }
    case "drain":
      return [
        { name: `drain ${t}`, spec: agent("drain", t), estimateMs: agentMs },
        {
          name: `wait for ${t}'s connections to fall`,
          spec: { kind: "connections-drained", node: t, timeoutMs: 60_000 },
          estimateMs: 10_000,
        },
      ];
    case "undrain":
    case "unfence":
    case "fence":
      return [{ name: `${request.type} ${t}`, spec: agent(request.type, t), estimateMs: agentMs }];
    case "rejoin": {
      if (!primary) return [];
      const upstream = primary.name;
      return [
        {
          name: `rejoin ${t} as a standby of ${upstream}`,
          spec: agent("demote", t, { upstream }),
          estimateMs: 10 * agentMs,
        },
        {
          name: `validate ${t} follows ${upstream}`,
          spec: { kind: "follows", node: t, upstream, timeoutMs: 10 * servingMs },
          estimateMs: pollsMs,
        },
      ];
    }
    case "set-weight": {
      const weight = request.params.weight;
      if (weight === undefined) return [];
      const spec = agent("set-weight", t, { weight });
      return [{ name: `set the weight of ${t} to ${weight}`, spec, estimateMs: agentMs }];
    }
  }
}
