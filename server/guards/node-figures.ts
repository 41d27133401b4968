// The figures guards (and readiness) judge a node by: what its agent last said wins over the
// configured value (replication mode, traffic state); traffic and capacity from the status.
import type { ReplicationMode, TrafficState } from "../db/generated/enums.ts";
import { capacityOf, lagOf, trafficOf } from "../fleet/status-figures.ts";
import type { GuardNode } from "./types.ts";

/** The parts of a node's last status these figures come from; the overview selects them as columns. */
export interface ReportedFigures {
  reportedMode: string | null;
  lagBytes: number | null;
  lagSeconds: number | null;
  reportedTrafficState: string | null;
  requestsPerSec: number | null;
  maxRequestsPerSec: number | null;
}

export type NodeFigures = Pick<
  GuardNode,
  "replicationMode" | "lagBytes" | "lagSeconds" | "trafficState" | "requestsPerSec" | "maxRequestsPerSec"
>;

export function reportedFigures(lastStatus: unknown): ReportedFigures {
  const lag = lagOf(lastStatus);
  const traffic = trafficOf(lastStatus);
  return {
    reportedMode: lag.mode,
    lagBytes: lag.bytes,
    lagSeconds: lag.seconds,
    reportedTrafficState: traffic?.state ?? null,
    requestsPerSec: traffic?.requestsPerSec ?? null,
    maxRequestsPerSec: capacityOf(lastStatus),
  };
}

export function figuresOf(
  reported: ReportedFigures,
  configured: { replicationMode: ReplicationMode | null; trafficState: TrafficState | null },
): NodeFigures {
  return {
    replicationMode: (reported.reportedMode ??
      configured.replicationMode?.toLowerCase() ??
      null) as GuardNode["replicationMode"],
    lagBytes: reported.lagBytes,
    lagSeconds: reported.lagSeconds,
    trafficState: (reported.reportedTrafficState ??
      configured.trafficState?.toLowerCase() ??
      null) as GuardNode["trafficState"],
    requestsPerSec: reported.requestsPerSec ?? 0,
    maxRequestsPerSec: reported.maxRequestsPerSec,
  };
}

export function nodeFigures(node: {
  lastStatus: unknown;
  replicationMode: ReplicationMode | null;
  trafficState: TrafficState | null;
}): NodeFigures {
  return figuresOf(reportedFigures(node.lastStatus), node);
}
