// The state guards judge: a cluster, its nodes with their last figures, and its other actions.
import type { Db } from "../db/client.ts";
import type { GuardNode } from "../guards/types.ts";
import { failedAppChecks } from "../fleet/status-figures.ts";
import { nodeFigures } from "../guards/node-figures.ts";
import type { PlanState } from "./plan.ts";

export const ACTIVE_STATUSES = ["PENDING", "RUNNING"] as const;

export async function loadPlanState(db: Db, clusterName: string, now = Date.now(), exceptActionId?: string): Promise<(PlanState & { id: string; policy: string; requireSecondApproval: boolean }) | null> {
  const cluster = await db.cluster.findUnique({
    where: { name: clusterName },
    select: {
      id: true, name: true, mode: true, policy: true, intervalMs: true, timeoutMs: true, failureThreshold: true, rpoBudgetBytes: true,
      rpoBudgetSeconds: true, cooldownMs: true, lastFailoverAt: true, cooldownLiftedAt: true, splitBrain: true, paused: true,
      requireSecondApproval: true,
      nodes: {
        orderBy: { name: "asc" },
        select: { name: true, role: true, state: true, confirmedDown: true, isolated: true, fenced: true, paused: true, agentUrl: true, trafficState: true, replicationMode: true, lastStatus: true },
      },
      actions: { where: { status: { in: [...ACTIVE_STATUSES] }, ...(exceptActionId ? { id: { not: exceptActionId } } : {}) }, select: { id: true, type: true } },
    },
  });
  if (!cluster) return null;
  const nodes: GuardNode[] = cluster.nodes.map((node) => ({
    name: node.name,
    role: node.role,
    state: node.state,
    confirmedDown: node.confirmedDown,
    isolated: node.isolated,
    fenced: node.fenced,
    paused: node.paused,
    hasAgent: node.agentUrl !== null,
    failingAppChecks: failedAppChecks(node.lastStatus).map((check) => check.name),
    ...nodeFigures(node),
  }));
  return {
    id: cluster.id,
    cluster: cluster.name,
    policy: cluster.policy,
    requireSecondApproval: cluster.requireSecondApproval,
    mode: cluster.mode === "ACTIVE_PASSIVE" ? "active-passive" : "active-active",
    intervalMs: cluster.intervalMs,
    timeoutMs: cluster.timeoutMs,
    failureThreshold: cluster.failureThreshold,
    rpoBudgetBytes: Number(cluster.rpoBudgetBytes),
    rpoBudgetSeconds: cluster.rpoBudgetSeconds,
    cooldownMs: cluster.cooldownMs,
    lastFailoverAt: cluster.lastFailoverAt?.getTime() ?? null,
    cooldownLiftedAt: cluster.cooldownLiftedAt?.getTime() ?? null,
    splitBrain: cluster.splitBrain,
    paused: cluster.paused,
    activeActions: cluster.actions.map((a) => ({ id: a.id, type: a.type.toLowerCase() })),
    nodes,
    now,
  };
}
