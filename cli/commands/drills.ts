// `haops drill run CLUSTER SCENARIO` (unattended, as the API runs drills) and `haops drill watch ID`.
import { duration, lag } from "../../lib/format.ts";
import type { Drill, DrillAccepted } from "../answers.ts";
import { ApiError, type Client } from "../client.ts";
import { confirmCluster, reasonOf } from "../confirm.ts";
import { EXIT } from "../exit.ts";
import { refusedByGuards } from "../guards.ts";
import { type Io, show } from "../io.ts";
import { table } from "../table.ts";
import { type Pace, watchUntil } from "../watch.ts";

export interface DrillRequest {
  cluster: string;
  scenario: string;
  target?: string;
  region?: string;
}

export async function runDrill(
  client: Client,
  io: Io,
  request: DrillRequest,
  opts: { reason?: string; yes: boolean; wait: boolean; pace: Pace },
) {
  const reason = reasonOf(opts.reason);
  const { cluster, ...rest } = request;
  await confirmCluster(io, cluster, `run a ${request.scenario} drill on ${cluster}`, opts.yes);
  let accepted: DrillAccepted;
  try {
    const body = { ...rest, reason, confirm: cluster };
    accepted = await client.post<DrillAccepted>(`/clusters/${encodeURIComponent(cluster)}/drills`, body);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return refusedByGuards(io, error.body);
    throw error;
  }
  if (!opts.wait) {
    show(io, accepted, (d) => `Started a ${request.scenario} drill on ${cluster}: drill ${d.id}.`);
    return EXIT.done;
  }
  if (!io.json) io.err(`Started a ${request.scenario} drill on ${cluster}: drill ${accepted.id}.`);
  return watchDrill(client, io, accepted.id, opts.pace);
}

const figure = (ms: number | null) => (ms === null ? "–" : duration(ms));

function drillText(d: Drill): string {
  const m = d.measurements;
  // The RPO as the checks say it, bytes and time lost; unknown when no primary took over.
  const rpo = m.rpoBytes === null ? "–" : lag(m.rpoBytes, m.rpoSeconds);
  const figures = table(
    ["DETECTION", "FAILOVER", "RTO", "RPO"],
    [[figure(m.detectionMs), figure(m.failoverMs), figure(m.rtoMs), rpo]],
  );
  const checks = d.targets.checks.map((c) => `  ${c.ok ? "ok  " : "FAIL"} ${c.id}: ${c.reason}`);
  const verdict = `Drill ${d.id} (${d.scenario} on ${d.cluster}): ${d.verdict ?? d.status}`;
  // A pass is said by its checks below; any other end needs its why (an abort, a failed phase) up front.
  const why = d.verdict !== "PASS" && d.verdictDetail ? ` — ${d.verdictDetail}` : "";
  return [`${verdict}${why}`, "", figures, ...checks].join("\n");
}

export async function watchDrill(client: Client, io: Io, id: string, pace: Pace) {
  const drill = await watchUntil(
    io,
    `Drill ${id}`,
    pace,
    () => client.get<Drill>(`/drills/${encodeURIComponent(id)}`),
    (d) => ({ status: d.status, steps: d.phases }),
    (d) => d.status !== "RUNNING" && d.status !== "PLANNED",
  );
  show(io, drill, drillText);
  return drill.verdict === "PASS" ? EXIT.done : EXIT.error;
}
