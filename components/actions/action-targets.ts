// Which nodes an action may name on a cluster page.
import type { ActionType } from "@/lib/actions";
import type { ClusterDetail } from "@/server/fleet/cluster-detail";

/** Nodes an action may name: standbys to promote, former primaries (or nodes claiming primary) to rejoin. */
const fits = (type: ActionType, n: ClusterDetail["nodes"][number]) => {
  if (type === "switchover" || type === "failover") return n.role === "standby";
  if (type === "rejoin") return n.needsRejoin || (n.reportedRole === "primary" && n.role !== "primary");
  return true;
};

export const targetsFor = (cluster: ClusterDetail, type: ActionType) =>
  cluster.nodes.filter((n) => fits(type, n)).map((n) => n.name);
