// An incident as Markdown, the start of a postmortem: what, where, when, how long, the impact, then
// the timeline and, apart, the actions taken and the alerts sent. Times in UTC: a postmortem is read
// from every time zone.
import { duration } from "../../lib/format.ts";
import type { TimelineItem } from "./timeline.ts";

export interface IncidentForMarkdown {
  id: string;
  title: string;
  cluster: string;
  mode: "active-passive" | "active-active";
  start: Date;
  end: Date | null;
  durationMs: number;
  impact: { ms: number; node: string | null; from: Date; to: Date | null } | null;
  drill: { label: string } | null;
  timeline: TimelineItem[];
}

const utc = (at: Date) => `${at.toISOString().replace("T", " ").slice(0, 19)} UTC`;
const offset = (ms: number) => (ms < 0 ? `−${duration(-ms)}` : `+${duration(ms)}`);
/** Table cells hold one line, and a pipe would end the cell. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function impactLine(incident: IncidentForMarkdown): string {
  const { impact } = incident;
  if (!impact) {
    return incident.mode === "active-passive"
      ? "no time without a writable primary (the primary was not lost)"
      : "not measured (active-active: no primary to lose); the timeline shows each node out of service";
  }
  const lost = impact.node ?? "the primary";
  const back = impact.to ? `until ${utc(impact.to)}` : "and still without one";
  return `${duration(impact.ms)} without a writable primary (${lost} lost at ${utc(impact.from)}, ${back})`;
}

const list = (items: TimelineItem[], none: string) =>
  items.length ? items.map((i) => `- ${offset(i.offsetMs)} (${utc(i.at)}): ${i.text}`).join("\n") : `- ${none}`;

export function incidentMarkdown(incident: IncidentForMarkdown): string {
  const rows = incident.timeline.map(
    (i) => `| ${offset(i.offsetMs)} | ${utc(i.at)} | ${i.severity.toLowerCase()} | \`${i.code}\` | ${cell(i.text)} |`,
  );
  return [
    `# Incident on ${incident.cluster}: ${incident.title}`,
    "",
    `- **Cluster:** ${incident.cluster} (${incident.mode})`,
    `- **Start:** ${utc(incident.start)}`,
    `- **End:** ${incident.end ? utc(incident.end) : "ongoing"}`,
    `- **Duration:** ${duration(incident.durationMs)}${incident.end ? "" : " so far"}`,
    `- **Impact:** ${impactLine(incident)}`,
    ...(incident.drill ? [`- **Caused by:** the ${incident.drill.label}`] : []),
    `- **Incident:** ${incident.id}`,
    "",
    "## Timeline",
    "",
    "| since start | time | severity | what | detail |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    "## Actions taken",
    "",
    list(
      incident.timeline.filter((i) => i.kind === "action"),
      "none",
    ),
    "",
    "## Alerts sent",
    "",
    list(
      incident.timeline.filter((i) => i.kind === "alert-sent"),
      "none (no webhook endpoint received these events)",
    ),
    "",
    "## Acknowledgements",
    "",
    list(
      incident.timeline.filter((i) => i.kind === "ack"),
      "none",
    ),
    "",
  ].join("\n");
}
