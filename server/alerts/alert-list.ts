// The alerts as the page and the REST API read them: open ones first, newest first, then the resolved
// ones (newest first, bounded); each with its cluster and node by name and whether it is held back.
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { INCIDENT_OPENING_TYPES } from "../incidents/derive.ts";
import { clustersWithPrimaryDown, HELD_BACK_TYPES } from "./held-back.ts";

export const ALERT_SELECT = {
  id: true,
  type: true,
  severity: true,
  clusterId: true,
  openedAt: true,
  resolvedAt: true,
  acknowledgedBy: true,
  acknowledgedAt: true,
  note: true,
  repeats: true,
  openedEventId: true,
  cluster: { select: { name: true } },
  node: { select: { name: true } },
} satisfies Prisma.AlertSelect;

type AlertRow = Prisma.AlertGetPayload<{ select: typeof ALERT_SELECT }>;

export interface AlertView {
  id: string;
  type: string;
  severity: "INFO" | "WARNING" | "CRITICAL";
  cluster: string;
  node: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  note: string | null;
  repeats: number;
  /** Open, but not sent while its cluster's primary is down. */
  heldBack: boolean;
  /** The incident it is part of (an outage: a node lost, split-brain), by its opening event; else null. */
  incident: string | null;
}

export function alertView(row: AlertRow, primaryDown: Set<string>): AlertView {
  const { clusterId, cluster, node, openedEventId, ...rest } = row;
  const heldBack = !row.resolvedAt && HELD_BACK_TYPES.includes(row.type) && primaryDown.has(clusterId);
  const incident = openedEventId && INCIDENT_OPENING_TYPES.includes(row.type) ? String(openedEventId) : null;
  return { ...rest, cluster: cluster.name, node: node?.name ?? null, heldBack, incident };
}

export interface AlertQuery {
  state: "open" | "all";
  /** Resolved alerts resolved since then; all of them when absent. */
  resolvedSince?: Date;
  /** At most this many resolved alerts. */
  resolvedLimit: number;
}

export async function listAlerts(db: Db, query: AlertQuery): Promise<AlertView[]> {
  const open = await db.alert.findMany({
    where: { resolvedAt: null },
    orderBy: [{ openedAt: "desc" }, { id: "asc" }],
    select: ALERT_SELECT,
  });
  const resolved =
    query.state === "all"
      ? await db.alert.findMany({
          where: { resolvedAt: query.resolvedSince ? { gte: query.resolvedSince } : { not: null } },
          orderBy: [{ openedAt: "desc" }, { id: "asc" }],
          take: query.resolvedLimit,
          select: ALERT_SELECT,
        })
      : [];
  const primaryDown = await clustersWithPrimaryDown(db);
  return [...open, ...resolved].map((row) => alertView(row, primaryDown));
}
