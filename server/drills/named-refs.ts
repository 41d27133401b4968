// What a drill's phases and events name, as links: its cluster, the cluster's nodes and the failover
// the drill caused or asked for (the first after its fault, as the failover phase judges it).
import type { Ref } from "../../lib/links.ts";
import type { Db } from "../db/client.ts";
import { actionRefs, clusterRefs } from "../history/refs.ts";

interface DrillTimes {
  cluster: string;
  injectedAt: Date | null;
  finishedAt: Date | null;
}

export async function drillNamedRefs(db: Db, drill: DrillTimes): Promise<Ref[]> {
  const failover = drill.injectedAt
    ? await db.action.findFirst({
        where: {
          cluster: { name: drill.cluster },
          type: "FAILOVER",
          createdAt: { gte: drill.injectedAt, ...(drill.finishedAt ? { lte: drill.finishedAt } : {}) },
        },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      })
    : null;
  const [actions, clusters] = await Promise.all([actionRefs(db, [failover?.id]), clusterRefs(db, [drill.cluster])]);
  return [...actions.values(), ...(clusters.get(drill.cluster) ?? [])];
}
