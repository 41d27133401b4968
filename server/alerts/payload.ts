// The body of a webhook: a stable JSON schema (documented in the README) with the event in words
// and a link to the console page it is about.
export interface EventForPayload {
  id: bigint;
  at: Date;
  type: string;
  severity: string;
  summary: string;
  details: unknown;
  drillId: string | null;
  cluster: { name: string } | null;
  node: { name: string } | null;
}

export function webhookPayload(event: EventForPayload, consoleUrl: string | undefined) {
  const path =
    event.drillId && event.type.startsWith("drill.")
      ? `/drills/${encodeURIComponent(event.drillId)}`
      : event.type.startsWith("audit.")
        ? "/audit"
        : event.cluster
          ? `/clusters/${encodeURIComponent(event.cluster.name)}`
          : "/";
  return {
    type: event.type,
    timestamp: event.at.toISOString(),
    data: {
      id: String(event.id),
      type: event.type,
      severity: event.severity.toLowerCase(),
      summary: event.summary,
      cluster: event.cluster?.name ?? null,
      node: event.node?.name ?? null,
      drill: event.drillId,
      details: event.details,
      link: consoleUrl ? new URL(path, consoleUrl).toString() : path,
    },
  };
}
