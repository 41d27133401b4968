// Incidents as the incident API answers them (server/incidents/read.ts): derived from the events.
import { z } from "zod";
import { component, isoTime } from "./components.ts";

const ref = z.object({ label: z.string(), href: z.string() });

const summary = {
  id: z.string().describe("The number of the event that opened it."),
  title: z.string(),
  start: isoTime,
  end: isoTime.nullable().describe("null while it is open."),
  durationMs: z.number(),
  drillId: z.string().nullable(),
};

export const incidentListSchema = component(
  "IncidentList",
  "A cluster's incidents of the last 30 days, newest first.",
  z.object({ incidents: z.array(z.object(summary)) }),
);

export const incidentSchema = component(
  "Incident",
  "One incident with its timeline: events, actions asked for, alerts sent and acknowledgements.",
  z.object({
    ...summary,
    cluster: z.string(),
    mode: z.enum(["active-passive", "active-active"]),
    drill: ref.nullable(),
    impact: z.object({ ms: z.number(), from: isoTime, to: isoTime, node: z.string().nullable() }).nullable(),
    timeline: z.array(
      z.object({
        at: isoTime,
        offsetMs: z.number(),
        kind: z.enum(["event", "action", "alert-sent", "ack"]),
        severity: z.enum(["INFO", "WARNING", "CRITICAL"]),
        code: z.string(),
        text: z.string(),
        refs: z.array(ref),
      }),
    ),
  }),
);
