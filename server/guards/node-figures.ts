// The figures guards (and readiness) judge a node by: what its agent last said wins over the
// configured value (replication mode, traffic state); traffic and capacity from the status.
import type { ReplicationMode, TrafficState } from "../db/generated/enums.ts";
import { capacityOf, lagOf, trafficOf } from "../fleet/status-figures.ts";
import type { GuardNode } from "./types.ts";

export function nodeFigures(node: { lastStatus: unknown; replicationMode: ReplicationMode | null; trafficState: TrafficState | null }) {
  const lag = lagOf(node.lastStatus);
  const traffic = trafficOf(node.lastStatus);
  return {
    replicationMode: (lag.mode ?? node.replicationMode?.toLowerCase() ?? null) as GuardNode["replicationMode"],
    lagBytes: lag.bytes,
    lagSeconds: lag.seconds,
    trafficState: (traffic?.state ?? node.trafficState?.toLowerCase() ?? null) as GuardNode["trafficState"],
    requestsPerSec: traffic?.requestsPerSec ?? 0,
    maxRequestsPerSec: capacityOf(node.lastStatus),
  };
}
