// Reads what a drill's figures are made of: the cluster's samples, events and failover requests
// around the fault.
import type { Db } from "../db/client.ts";
import { freshWindowMs } from "../detection/fresh-window.ts";
import { measure, type Measurements } from "./measure.ts";
import type { Scenario } from "../../lib/drills.ts";
import type { DrillParams } from "./types.ts";

export interface MeasuredDrill {
  id: string;
  clusterId: string;
  scenario: Scenario;
  params: unknown;
  injectedAt: Date | null;
}

export async function measureDrill(db: Db, drill: MeasuredDrill, until: Date): Promise<Measurements | null> {
  if (!drill.injectedAt) return null;
  const params = drill.params as DrillParams;
  const cluster = await db.cluster.findUniqueOrThrow({
    where: { id: drill.clusterId },
    select: { mode: true, intervalMs: true, timeoutMs: true, nodes: { select: { id: true, name: true } } },
  });
  const names = new Map(cluster.nodes.map((n) => [n.id, n.name]));
  // The samples that still said how each node stood when the fault went in.
  const from = new Date(drill.injectedAt.getTime() - freshWindowMs(cluster));
  const [samples, events, failover] = await Promise.all([
    db.sample.findMany({
      where: { nodeId: { in: [...names.keys()] }, at: { gte: from, lte: until } },
      orderBy: { at: "asc" },
      select: {
        nodeId: true,
        at: true,
        role: true,
        healthy: true,
        lagBytes: true,
        lagSeconds: true,
        requestsPerSec: true,
        errorRate: true,
      },
    }),
    db.event.findMany({
      where: {
        clusterId: drill.clusterId,
        at: { gte: drill.injectedAt, lte: until },
        type: { in: ["node.down", "node.confirmed_down", "lag.over"] },
      },
      orderBy: { at: "asc" },
      select: { type: true, at: true, details: true, node: { select: { name: true } } },
    }),
    db.action.findFirst({
      where: { clusterId: drill.clusterId, type: "FAILOVER", createdAt: { gte: drill.injectedAt, lte: until } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  return measure({
    scenario: drill.scenario,
    mode: cluster.mode === "ACTIVE_PASSIVE" ? "active-passive" : "active-active",
    injectedAt: drill.injectedAt.getTime(),
    intervalMs: cluster.intervalMs,
    until: until.getTime(),
    faulted: params.faults.map((f) => f.node),
    primary: params.primary,
    samples: samples.map((s) => ({
      node: names.get(s.nodeId) ?? s.nodeId,
      at: s.at.getTime(),
      role: s.role,
      healthy: s.healthy,
      lagBytes: s.lagBytes === null ? null : Number(s.lagBytes),
      lagSeconds: s.lagSeconds,
      requestsPerSec: s.requestsPerSec,
      errorRate: s.errorRate,
    })),
    events: events.map((e) => ({
      node: e.node?.name ?? null,
      type: e.type,
      at: e.at.getTime(),
      confirmed: (e.details as { confirmedDown?: boolean } | null)?.confirmedDown === true,
    })),
    failoverRequestedAt: failover?.createdAt.getTime() ?? null,
  });
}
