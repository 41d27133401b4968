// One incident's timeline, pure: its events, the actions asked for, the alerts sent (webhook
// deliveries) and the acknowledgements, in order, each timed from the incident's start.
import type { Ref } from "../../lib/links.ts";
import type { Severity } from "../db/generated/enums.ts";

export type TimelineKind = "event" | "action" | "alert-sent" | "ack";

export interface TimelineItem {
  at: Date;
  offsetMs: number;
  kind: TimelineKind;
  severity: Severity;
  /** The event type, or what kind of entry it is ("action.requested", "webhook", "alert.ack"). */
  code: string;
  text: string;
  refs: Ref[];
}

export interface TimelineParts {
  events: { at: Date; type: string; severity: Severity; summary: string; refs: Ref[] }[];
  actions: { ref: Ref; createdAt: Date; requestedBy: string; reason: string; refs: Ref[] }[];
  deliveries: {
    at: Date;
    eventType: string;
    endpoint: string;
    status: "PENDING" | "SUCCEEDED" | "FAILED";
    attempts: number;
    statusCode: number | null;
  }[];
  acks: { at: Date; by: string; type: string; where: string; note: string | null; refs: Ref[] }[];
}

function deliveryText(d: TimelineParts["deliveries"][number]): string {
  const tries = d.attempts === 1 ? "1 attempt" : `${d.attempts} attempts`;
  const outcome =
    d.status === "SUCCEEDED"
      ? `delivered${d.statusCode ? ` (HTTP ${d.statusCode})` : ""}`
      : d.status === "FAILED"
        ? `not delivered after ${tries}`
        : d.attempts
          ? `retrying after ${tries}${d.statusCode ? ` (last HTTP ${d.statusCode})` : ""}`
          : "queued";
  return `${d.eventType} sent to ${d.endpoint}: ${outcome}`;
}

const ORDER: Record<TimelineKind, number> = { event: 0, action: 1, "alert-sent": 2, ack: 3 };

export function buildTimeline(start: Date, parts: TimelineParts): TimelineItem[] {
  const item = (at: Date, rest: Omit<TimelineItem, "at" | "offsetMs">): TimelineItem => ({
    at,
    offsetMs: at.getTime() - start.getTime(),
    ...rest,
  });
  return [
    ...parts.events.map((e) =>
      item(e.at, { kind: "event", severity: e.severity, code: e.type, text: e.summary, refs: e.refs }),
    ),
    ...parts.actions.map((a) =>
      item(a.createdAt, {
        kind: "action",
        severity: "INFO",
        code: "action.requested",
        text: `${a.ref.label} requested by ${a.requestedBy}: ${a.reason}`,
        refs: [a.ref, ...a.refs],
      }),
    ),
    ...parts.deliveries.map((d) =>
      item(d.at, {
        kind: "alert-sent",
        severity: d.status === "FAILED" ? "WARNING" : "INFO",
        code: "webhook",
        text: deliveryText(d),
        refs: [],
      }),
    ),
    ...parts.acks.map((a) =>
      item(a.at, {
        kind: "ack",
        severity: "INFO",
        code: "alert.ack",
        text: `${a.by} acknowledged ${a.type} on ${a.where}${a.note ? `: “${a.note}”` : ""}`,
        refs: a.refs,
      }),
    ),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || ORDER[a.kind] - ORDER[b.kind]);
}
