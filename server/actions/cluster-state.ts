// The state guards judge: a cluster, its nodes with their last figures, and its other actions.
import type { Db } from "../db/client.ts";
import type { GuardNode } from "../guards/types.ts";
import { failedAppChecks } from "../fleet/status-figures.ts";
import { nodeFigures } from "../guards/node-figures.ts";
import { lagAt, lagInLastSamples, lossMoment, type Lag } from "../fleet/lag-at-loss.ts";
import { standbysSeenBy, writableCheck } from "../fleet/status-figures.ts";
import { loadHookState } from "./plan-hook-state.ts";
import type { PlanState } from "./plan.ts";

export const ACTIVE_STATUSES = ["PENDING", "RUNNING"] as const;

export async function loadPlanState(
  db: Db,
  clusterName: string,
  now = Date.now(),
  exceptActionId?: string,
): Promise<(PlanState & { id: string; policy: string; requireSecondApproval: boolean }) | null> {
  const cluster = await db.cluster.findUnique({
    where: { name: clusterName },
    select: {
      id: true,
      name: true,
      mode: true,
      policy: true,
      managedBy: true,
      intervalMs: true,
      timeoutMs: true,
      failureThreshold: true,
      rpoBudgetBytes: true,
      rpoBudgetSeconds: true,
      cooldownMs: true,
      lastFailoverAt: true,
      cooldownLiftedAt: true,
      splitBrain: true,
      paused: true,
      requireSecondApproval: true,
      nodes: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          role: true,
          reportedRole: true,
          needsRejoin: true,
          state: true,
          confirmedDown: true,
          isolated: true,
          fenced: true,
          paused: true,
          agentUrl: true,
          trafficState: true,
          replicationMode: true,
          lastStatus: true,
          lastSeenAt: true,
        },
      },
      actions: {
        where: { status: { in: [...ACTIVE_STATUSES] }, ...(exceptActionId ? { id: { not: exceptActionId } } : {}) },
        select: { id: true, type: true },
      },
    },
  });
  if (!cluster) return null;
  // Once the primary is lost, each standby's figure is the one at the primary's last contact.
  const lost = lossMoment(cluster.nodes);
  const standbys = cluster.nodes.filter((n) => n.role === "STANDBY");
  const atLoss = lost
    ? await lagInLastSamples(
        db,
        standbys.map((n) => n.id),
        lost.at,
      )
    : new Map<string, Lag>();
  const lostPrimary = cluster.nodes.find((n) => n.name === lost?.primary);
  const { hooks, routes } = await loadHookState(db, cluster.id);
  const primaryView = new Map(standbysSeenBy(lostPrimary?.lastStatus).map((s) => [s.name, s.lagBytes]));
  const nodes: GuardNode[] = cluster.nodes.map((node) => {
    const lag = lost && node.role === "STANDBY" ? lagAt(atLoss.get(node.id), primaryView.get(node.name)) : undefined;
    return {
      name: node.name,
      role: node.role,
      reportedRole: node.reportedRole,
      needsRejoin: node.needsRejoin,
      writable: writableCheck(node.lastStatus),
      state: node.state,
      confirmedDown: node.confirmedDown,
      isolated: node.isolated,
      fenced: node.fenced,
      paused: node.paused,
      hasAgent: node.agentUrl !== null,
      failingAppChecks: failedAppChecks(node.lastStatus).map((check) => check.name),
      ...nodeFigures(node),
      ...(lag ? { lagBytes: lag.bytes, lagSeconds: lag.seconds } : {}),
    };
  });
  return {
    id: cluster.id,
    cluster: cluster.name,
    policy: cluster.policy,
    managedBy: cluster.managedBy,
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
    lossMoment: lost,
    paused: cluster.paused,
    activeActions: cluster.actions.map((a) => ({ id: a.id, type: a.type.toLowerCase() })),
    nodes,
    hooks,
    routes,
    now,
  };
}
