// Detection events in words: each transition becomes one row of the event table, of a catalog type.
import type { EventType } from "../../lib/events.ts";
import type { Severity } from "../db/generated/enums.ts";
import type { NodeRuntime } from "./fleet.ts";

/** Column names as in the `event` table, so a batch inserts as one JSON recordset. */
export interface EventRow {
  at: string;
  type: EventType;
  severity: Severity;
  summary: string;
  details: Record<string, unknown>;
  clusterId: string;
  nodeId: string | null;
}

export function nodeEvent(
  node: NodeRuntime,
  at: number,
  type: EventType,
  severity: Severity,
  summary: string,
  details: Record<string, unknown> = {},
): EventRow {
  return {
    ...clusterEvent(node.clusterId, at, type, severity, summary, { node: node.name, ...details }),
    nodeId: node.id,
  };
}

export function clusterEvent(
  clusterId: string,
  at: number,
  type: EventType,
  severity: Severity,
  summary: string,
  details: Record<string, unknown> = {},
): EventRow {
  return { at: new Date(at).toISOString(), type, severity, summary, details, clusterId, nodeId: null };
}

/** "orders-db-1 (primary)": the role matters to whoever reads the alert. */
export const who = (node: NodeRuntime) =>
  node.role === "UNKNOWN" ? node.name : `${node.name} (${node.role.toLowerCase()})`;

/** A primary's loss is critical; anything else is a warning. */
export const lossSeverity = (node: NodeRuntime): Severity => (node.role === "PRIMARY" ? "CRITICAL" : "WARNING");

/** A primary lost (down, or confirmed down): what a failover waits on, so it is stored and acted on at once. */
export const primaryLost = (event: EventRow) =>
  (event.type === "node.down" || event.type === "node.confirmed_down") && event.severity === "CRITICAL";
