// What the charts mark on their time axis: failovers and switchovers when they started, drills when
// their fault went in, and each node going down (once per outage: a down confirmed by its peers a
// poll later is the same outage).
import type { Db } from "../db/client.ts";
import { apiType } from "../actions/names.ts";
import { apiScenario } from "../drills/scenario-names.ts";

export type MarkerKind = "failover" | "switchover" | "drill" | "down";

export interface ChartMarker {
  at: number;
  kind: MarkerKind;
  /** In words, for the tooltip and the list under the charts: "failover to orders-db-2 (succeeded)". */
  label: string;
  /** The action or drill it was, or the node that went down. */
  href: string;
}

const DOWN = ["node.down", "node.confirmed_down"];
/** Each kind's newest this many: a week of a flapping node must not flood the charts. */
const MOST = 100;

export async function chartMarkers(db: Db, clusterName: string, from: Date, to: Date): Promise<ChartMarker[]> {
  const within = { gte: from, lte: to };
  const cluster = { name: clusterName };
  const [actions, drills, events] = await Promise.all([
    db.action.findMany({
      where: { cluster, type: { in: ["FAILOVER", "SWITCHOVER"] }, startedAt: within },
      orderBy: { startedAt: "desc" },
      take: MOST,
      select: { id: true, type: true, targetNode: true, status: true, startedAt: true },
    }),
    db.drill.findMany({
      where: { cluster, OR: [{ injectedAt: within }, { injectedAt: null, startedAt: within }] },
      orderBy: { createdAt: "desc" },
      take: MOST,
      select: { id: true, scenario: true, verdict: true, injectedAt: true, startedAt: true },
    }),
    db.event.findMany({
      where: { cluster, at: within, type: { in: [...DOWN, "node.recovered"] }, nodeId: { not: null } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: 4 * MOST,
      select: { at: true, type: true, node: { select: { name: true } } },
    }),
  ]);
  const markers: ChartMarker[] = [
    ...actions.map((a) => ({
      at: a.startedAt!.getTime(),
      kind: apiType(a.type) as MarkerKind,
      label: `${apiType(a.type)}${a.targetNode ? ` to ${a.targetNode}` : ""} (${a.status.toLowerCase()})`,
      href: `/actions/${a.id}`,
    })),
    ...drills.map((d) => ({
      at: (d.injectedAt ?? d.startedAt)!.getTime(),
      kind: "drill" as const,
      label: `drill ${apiScenario(d.scenario)}${d.verdict ? ` (${d.verdict.toLowerCase()})` : " (running)"}`,
      href: `/drills/${d.id}`,
    })),
  ];
  const down = new Set<string>();
  for (const event of events.reverse()) {
    const node = event.node!.name;
    if (event.type === "node.recovered") down.delete(node);
    else if (!down.has(node)) {
      down.add(node);
      markers.push({
        at: event.at.getTime(),
        kind: "down",
        label: `${node} down`,
        href: `/clusters/${encodeURIComponent(clusterName)}?node=${encodeURIComponent(node)}`,
      });
    }
  }
  return markers.sort((a, b) => a.at - b.at);
}
