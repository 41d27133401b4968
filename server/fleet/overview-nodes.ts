// Every node of the fleet for the overview, in one query: the columns it shows and only the parts
// of each last status it reads (replication, traffic, capacity), not the checks and peers that
// make up most of the document. At 1,000 nodes this is the overview's largest cost.
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { NodeRole, NodeState, ReplicationMode, TrafficState } from "../db/generated/enums.ts";

export interface OverviewNode {
  id: string;
  clusterId: string;
  name: string;
  role: NodeRole;
  state: NodeState;
  region: string;
  zone: string;
  lastSeenAt: Date | null;
  confirmedDown: boolean;
  isolated: boolean;
  lagOver: boolean;
  fenced: boolean;
  paused: boolean;
  replicationMode: ReplicationMode | null;
  trafficState: TrafficState | null;
  lastStatus: Prisma.JsonValue;
}

export async function overviewNodes(db: Db): Promise<Map<string, OverviewNode[]>> {
  const rows = await db.$queryRaw<OverviewNode[]>`
    SELECT id, "clusterId", name, role, state, region, zone, "lastSeenAt", "confirmedDown", isolated, "lagOver", fenced, paused,
      "replicationMode", "trafficState",
      CASE WHEN "lastStatus" IS NULL THEN NULL ELSE jsonb_strip_nulls(jsonb_build_object(
        'replication', "lastStatus" -> 'replication', 'traffic', "lastStatus" -> 'traffic', 'capacity', "lastStatus" -> 'capacity')) END AS "lastStatus"
    FROM node ORDER BY "clusterId", name`;
  const byCluster = new Map<string, OverviewNode[]>();
  for (const row of rows) {
    const list = byCluster.get(row.clusterId);
    if (list) list.push(row);
    else byCluster.set(row.clusterId, [row]);
  }
  return byCluster;
}
