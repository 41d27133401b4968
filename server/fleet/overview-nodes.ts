// Every node of the fleet for the overview, in one query: the columns it shows and the few figures
// of each last status it reads, as columns rather than the document (checks and peers make up most
// of it). At 1,000 nodes this is the overview's largest cost.
import type { Db } from "../db/client.ts";
import type { NodeRole, NodeState, ReplicationMode, TrafficState } from "../db/generated/enums.ts";
import type { ReportedFigures } from "../guards/node-figures.ts";
import { andInScope, type ClusterScope } from "./cluster-scope.ts";

export interface OverviewNode extends ReportedFigures {
  id: string;
  clusterId: string;
  name: string;
  role: NodeRole;
  reportedRole: NodeRole;
  needsRejoin: boolean;
  state: NodeState;
  region: string;
  zone: string;
  lastSeenAt: Date | null;
  confirmedDown: boolean;
  isolated: boolean;
  lagOver: boolean;
  fenced: boolean;
  paused: boolean;
  weight: number;
  replicationMode: ReplicationMode | null;
  trafficState: TrafficState | null;
  degraded: boolean;
  failingAppChecks: string[];
}

export async function overviewNodes(db: Db, scope: ClusterScope = "fleet"): Promise<Map<string, OverviewNode[]>> {
  const rows = await db.$queryRaw<OverviewNode[]>`
    SELECT id, "clusterId", name, role, "reportedRole", "needsRejoin", state, region, zone, "lastSeenAt",
      "confirmedDown", isolated, "lagOver", degraded, fenced, paused, weight,
      "replicationMode", "trafficState",
      "lastStatus" #>> '{replication,mode}' AS "reportedMode",
      ("lastStatus" #> '{replication,lagBytes}')::float8 AS "lagBytes",
      ("lastStatus" #> '{replication,lagSeconds}')::float8 AS "lagSeconds",
      "lastStatus" #>> '{traffic,state}' AS "reportedTrafficState",
      ("lastStatus" #> '{traffic,requestsPerSec}')::float8 AS "requestsPerSec",
      ("lastStatus" #> '{capacity,maxRequestsPerSec}')::float8 AS "maxRequestsPerSec",
      coalesce(
        jsonb_path_query_array("lastStatus", '$.checks[*] ? (@.layer == "application" && @.ok == false).name'),
        '[]'
      ) AS "failingAppChecks"
    FROM node WHERE true ${andInScope(scope, '"clusterId"')} ORDER BY "clusterId", name`;
  const byCluster = new Map<string, OverviewNode[]>();
  for (const row of rows) {
    const list = byCluster.get(row.clusterId);
    if (list) list.push(row);
    else byCluster.set(row.clusterId, [row]);
  }
  return byCluster;
}
