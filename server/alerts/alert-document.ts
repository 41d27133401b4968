// An alert as the REST API says it (DESIGN.md's contract): names, ISO times, lower-case severity.
import type { AlertView } from "./alert-list.ts";

export function alertDocument(alert: AlertView) {
  return {
    id: alert.id,
    type: alert.type,
    severity: alert.severity.toLowerCase(),
    cluster: alert.cluster,
    node: alert.node,
    openedAt: alert.openedAt.toISOString(),
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    note: alert.note,
    repeats: alert.repeats,
  };
}
