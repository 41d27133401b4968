// Body formats per endpoint: the console's own JSON (standard), Slack-compatible text, or a
// PagerDuty Events v2 event that triggers on a problem and resolves when it clears.
import { EVENT_TYPES, type EventSpec } from "../../lib/events.ts";
import type { WebhookFormat } from "../db/generated/enums.ts";
import type { webhookPayload } from "./payload.ts";

type Payload = ReturnType<typeof webhookPayload>;

/** Events that end a condition, and the event type that opened it (for PagerDuty's dedup_key). */
const RESOLVES: Record<string, string> = Object.fromEntries(
  Object.entries(EVENT_TYPES as Record<string, EventSpec>).flatMap(([type, spec]) =>
    spec.resolves ? [[type, spec.resolves]] : [],
  ),
);

const PD_SEVERITY: Record<string, string> = { critical: "critical", warning: "warning", info: "info" };

export function formatBody(format: WebhookFormat, payload: Payload, routingKey: string): unknown {
  const { data } = payload;
  if (format === "SLACK") {
    const icon =
      data.severity === "critical"
        ? ":red_circle:"
        : data.severity === "warning"
          ? ":large_orange_diamond:"
          : ":white_circle:";
    // Drill traffic says so up front, so nobody is paged awake by a rehearsal.
    const drill = data.drill ? "[drill] " : "";
    return { text: `${icon} ${drill}*${data.severity}* ${data.summary} (<${data.link}|${data.cluster ?? "console"}>)` };
  }
  if (format === "PAGERDUTY") {
    const opened = RESOLVES[data.type] ?? data.type;
    const resolving = data.type in RESOLVES;
    return {
      routing_key: routingKey,
      event_action: resolving ? "resolve" : "trigger",
      // One alert per condition: the same key triggers and resolves it (a resolve may come after
      // the drill that caused the condition has ended, unmarked).
      dedup_key: [data.cluster ?? "-", data.node ?? "-", opened].join("/"),
      payload: {
        summary: data.summary,
        source: data.cluster ?? "ha-ops-console",
        severity: PD_SEVERITY[data.severity] ?? "info",
        timestamp: payload.timestamp,
        ...(data.drill ? { class: "drill" } : {}),
        custom_details: data,
      },
      links: [{ href: data.link, text: "HA Ops Console" }],
    };
  }
  return payload;
}
