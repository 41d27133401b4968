// One cluster for its page: settings, the worst problem, availability, and every node with what
// its agent last said (checks by layer, replication, traffic, peers).
import type { Db } from "../db/client.ts";
import { detectionBoundMs } from "../detection/bound.ts";
import { apiMode, apiRole } from "./api-names.ts";
import { availabilityOf, uptimeMinutes } from "./availability.ts";
import { peerCounts } from "./peer-counts.ts";
import { worstProblem } from "./problem.ts";
import { checksOf, lagOf, peersOf, trafficOf } from "./status-figures.ts";

export async function clusterDetail(db: Db, name: string) {
  const cluster = await db.cluster.findUnique({
    where: { name },
    select: {
      id: true, name: true, mode: true, system: true, description: true, intervalMs: true, timeoutMs: true, failureThreshold: true,
      rpoBudgetBytes: true, rpoBudgetSeconds: true, rtoTargetMs: true, availabilityTarget: true, policy: true, paused: true,
      splitBrain: true, imbalanced: true,
      nodes: {
        orderBy: { name: "asc" },
        select: {
          id: true, name: true, role: true, state: true, region: true, zone: true, weight: true, trafficState: true, fenced: true,
          paused: true, confirmedDown: true, isolated: true, lagOver: true, lastSeenAt: true, stateChangedAt: true, agentUrl: true,
          lastStatus: true,
        },
      },
    },
  });
  if (!cluster) return null;
  const [uptime, peers] = await Promise.all([uptimeMinutes(db), peerCounts(db, cluster.nodes.filter((n) => n.state === "DOWN").map((n) => n.id))]);
  const nodes = cluster.nodes.map(({ id, lastStatus, role, trafficState, ...node }) => {
    const lag = lagOf(lastStatus);
    return {
      ...node,
      role: apiRole(role),
      trafficState: trafficState?.toLowerCase() ?? null,
      replication: lag.bytes === null && lag.mode === null ? null : lag,
      traffic: trafficOf(lastStatus),
      checks: checksOf(lastStatus),
      peers: peersOf(lastStatus),
      peerVerdict: peers.get(id) ?? null,
      problemInput: { ...node, role, lagBytes: lag.bytes, lagSeconds: lag.seconds, peers: peers.get(id) ?? null },
    };
  });
  const minutes = uptime.get(cluster.id) ?? { observed: 0, up: 0 };
  return {
    name: cluster.name,
    mode: apiMode(cluster.mode),
    system: cluster.system,
    description: cluster.description,
    intervalMs: cluster.intervalMs,
    timeoutMs: cluster.timeoutMs,
    failureThreshold: cluster.failureThreshold,
    detectionBoundMs: detectionBoundMs(cluster),
    rpoBudgetBytes: Number(cluster.rpoBudgetBytes),
    rpoBudgetSeconds: cluster.rpoBudgetSeconds,
    rtoTargetMs: cluster.rtoTargetMs,
    policy: cluster.policy === "AUTOMATIC" ? "automatic" : "manual",
    paused: cluster.paused,
    splitBrain: cluster.splitBrain,
    imbalanced: cluster.imbalanced,
    problem: worstProblem(cluster, nodes.map((n) => n.problemInput)),
    availability: availabilityOf(cluster.availabilityTarget, minutes.observed, minutes.up),
    nodes: nodes.map(({ problemInput: _, ...node }) => node),
  };
}

export type ClusterDetail = NonNullable<Awaited<ReturnType<typeof clusterDetail>>>;
export type NodeDetail = ClusterDetail["nodes"][number];

export async function recentEvents(db: Db, clusterName: string, limit: number) {
  return db.event.findMany({
    where: { cluster: { name: clusterName } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, at: true, type: true, severity: true, summary: true, node: { select: { name: true } } },
  });
}
