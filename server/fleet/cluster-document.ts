// Clusters as the read API for automation gives them (DESIGN.md, "Read API"). Fields may be
// added; none is renamed without a version bump.
import type { Db } from "../db/client.ts";
import { apiRole } from "./api-names.ts";
import { CLUSTER_SETTINGS_SELECT, clusterSettings } from "./cluster-settings.ts";

interface LastSample {
  nodeId: string;
  at: Date;
  reachable: boolean;
  healthy: boolean;
  pollLatencyMs: number | null;
  lagBytes: bigint | null;
  lagSeconds: number | null;
  weight: number | null;
  activeConnections: number | null;
  requestsPerSec: number | null;
  errorRate: number | null;
  failedChecks: unknown;
}

export async function clusterDocuments(db: Db, name?: string) {
  const clusters = await db.cluster.findMany({
    where: name === undefined ? {} : { name },
    orderBy: { name: "asc" },
    select: {
      ...CLUSTER_SETTINGS_SELECT,
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
          region: true,
          zone: true,
          weight: true,
          trafficState: true,
          fenced: true,
          paused: true,
          agentUrl: true,
          address: true,
          lastSeenAt: true,
          stateChangedAt: true,
        },
      },
    },
  });
  const nodeIds = clusters.flatMap((c) => c.nodes.map((n) => n.id));
  const samples = nodeIds.length
    ? await db.$queryRaw<LastSample[]>`
        SELECT s.* FROM unnest(${nodeIds}::text[]) AS n(id)
        CROSS JOIN LATERAL (SELECT "nodeId", at, reachable, healthy, "pollLatencyMs", "lagBytes", "lagSeconds", weight,
          "activeConnections", "requestsPerSec", "errorRate", "failedChecks"
          FROM sample WHERE "nodeId" = n.id ORDER BY at DESC LIMIT 1) s`
    : [];
  const lastSample = new Map(
    samples.map(({ nodeId, lagBytes, ...sample }) => [
      nodeId,
      { ...sample, lagBytes: lagBytes === null ? null : Number(lagBytes) },
    ]),
  );
  return clusters.map((cluster) => ({
    ...clusterSettings(cluster),
    nodes: cluster.nodes.map(({ id, role, reportedRole, trafficState, ...node }) => ({
      ...node,
      role: apiRole(role),
      reportedRole: apiRole(reportedRole),
      trafficState: trafficState?.toLowerCase() ?? null,
      lastSample: lastSample.get(id) ?? null,
    })),
  }));
}

export type ClusterDocument = Awaited<ReturnType<typeof clusterDocuments>>[number];
