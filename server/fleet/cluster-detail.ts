// One cluster for its page: settings, the worst problem, availability, readiness, and every node
// with what its agent last said (checks by layer, replication, traffic, peers).
import type { Db } from "../db/client.ts";
import { apiRole } from "./api-names.ts";
import { availabilityOf, uptimeMinutes } from "./availability.ts";
import { CLUSTER_SETTINGS_SELECT, clusterSettings } from "./cluster-settings.ts";
import { peerCounts } from "./peer-counts.ts";
import { failoverCandidate } from "../actions/failover-candidate.ts";
import { withEventRefs } from "../history/event-refs.ts";
import { mayPromote, worstProblem } from "./problem.ts";
import { loadReadiness, READINESS_CLUSTER_SELECT, READINESS_NODE_SELECT, readinessNode } from "./readiness-inputs.ts";
import { checksOf, failedAppChecks, lagOf, peersOf, trafficOf } from "./status-figures.ts";

export async function clusterDetail(db: Db, name: string) {
  const cluster = await db.cluster.findUnique({
    where: { name },
    select: {
      ...CLUSTER_SETTINGS_SELECT,
      ...READINESS_CLUSTER_SELECT,
      id: true,
      description: true,
      availabilityTarget: true,
      cooldownMs: true,
      requireSecondApproval: true,
      lagAlertBytes: true,
      lagAlertSeconds: true,
      imbalanceAlertPercent: true,
      alertEvents: true,
      alertRepeatMinutes: true,
      nodes: {
        orderBy: { name: "asc" },
        select: {
          ...READINESS_NODE_SELECT,
          id: true,
          name: true,
          role: true,
          reportedRole: true,
          needsRejoin: true,
          state: true,
          region: true,
          zone: true,
          weight: true,
          trafficState: true,
          fenced: true,
          paused: true,
          confirmedDown: true,
          isolated: true,
          lagOver: true,
          degraded: true,
          lastSeenAt: true,
          stateChangedAt: true,
          agentUrl: true,
          lastStatus: true,
        },
      },
    },
  });
  if (!cluster) return null;
  const [uptime, peers, readinessOf] = await Promise.all([
    uptimeMinutes(db, [cluster.id]),
    peerCounts(
      db,
      cluster.nodes.filter((n) => n.state === "DOWN").map((n) => n.id),
    ),
    loadReadiness(db, [cluster.id]),
  ]);
  const nodes = cluster.nodes.map(({ id, lastStatus, role, reportedRole, trafficState, ...node }) => {
    const lag = lagOf(lastStatus);
    const failingAppChecks = failedAppChecks(lastStatus).map((check) => check.name);
    return {
      ...node,
      role: apiRole(role),
      reportedRole: apiRole(reportedRole),
      trafficState: trafficState?.toLowerCase() ?? null,
      replication: lag.bytes === null && lag.mode === null ? null : lag,
      traffic: trafficOf(lastStatus),
      checks: checksOf(lastStatus),
      peers: peersOf(lastStatus),
      peerVerdict: peers.get(id) ?? null,
      /** It answers but its service does not: shown as "service failing" beside its state. */
      failingAppChecks,
      problemInput: {
        ...node,
        role,
        lagBytes: lag.bytes,
        lagSeconds: lag.seconds,
        peers: peers.get(id) ?? null,
        failingAppChecks,
        trafficState: trafficOf(lastStatus)?.state ?? trafficState?.toLowerCase() ?? null,
      },
    };
  });
  const minutes = uptime.get(cluster.id) ?? { observed: 0, up: 0 };
  const candidate = mayPromote(cluster.mode, cluster.nodes) ? await failoverCandidate(db, cluster.name) : null;
  return {
    ...clusterSettings(cluster),
    description: cluster.description,
    cooldownMs: cluster.cooldownMs,
    requireSecondApproval: cluster.requireSecondApproval,
    alerts: {
      lagAlertBytes: cluster.lagAlertBytes === null ? null : Number(cluster.lagAlertBytes),
      lagAlertSeconds: cluster.lagAlertSeconds,
      imbalanceAlertPercent: cluster.imbalanceAlertPercent,
    },
    alertEvents: cluster.alertEvents,
    alertRepeatMinutes: cluster.alertRepeatMinutes,
    problem: worstProblem(
      { ...cluster, candidate },
      nodes.map((n) => n.problemInput),
    ),
    availability: availabilityOf(cluster.availabilityTarget, minutes.observed, minutes.up),
    readiness: readinessOf({ ...cluster, nodes: cluster.nodes.map(readinessNode) }),
    nodes: nodes.map(({ problemInput: _, ...node }) => node),
  };
}

export type ClusterDetail = NonNullable<Awaited<ReturnType<typeof clusterDetail>>>;
export type NodeDetail = ClusterDetail["nodes"][number];

/** The newest events, each with the links its words name (its action, the cluster's nodes). */
export async function recentEvents(db: Db, clusterName: string, limit: number) {
  const events = await db.event.findMany({
    where: { cluster: { name: clusterName } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      at: true,
      type: true,
      severity: true,
      summary: true,
      drillId: true,
      details: true,
      node: { select: { name: true } },
    },
  });
  return withEventRefs(db, clusterName, events);
}
