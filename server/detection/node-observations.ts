// What an answered poll says beyond up or down: a role change, lag over the threshold, a service
// failing its application checks; and an answer outside the protocol. Each raises its event once.
import { failedAppChecks } from "../fleet/status-figures.ts";
import { nodeEvent, who } from "./events.ts";
import type { FleetCluster, NodeRuntime } from "./fleet.ts";
import { bytes, lag as lagSaid, seconds as secondsSaid } from "../../lib/format.ts";
import { isLagOver, lagThresholds } from "./lag.ts";
import type { DetectionSink } from "./sink.ts";

export function noteRole(sink: DetectionSink, node: NodeRuntime, reported: NodeRuntime["role"], at: number) {
  node.reportedRole = reported;
  // A former primary is what the console made it until it rejoins, whatever it claims. An agent
  // that cannot tell (its database dying under it, not answering SQL yet) changes nothing: the
  // primary that crashes stays the primary whose loss is judged, not a node of no role.
  const role = node.needsRejoin || reported === "UNKNOWN" ? node.role : reported;
  if (role === node.role) return;
  const was = node.role;
  node.role = role;
  if (was === "UNKNOWN") return;
  const summary = `${node.name} now reports ${role.toLowerCase()} (was ${was.toLowerCase()})`;
  sink.event(nodeEvent(node, at, "node.role_changed", "WARNING", summary, { role, was }));
}

/**
 * The agent answers but its service fails an application check (a database refusing `SELECT 1`):
 * the node stays reachable, so no failover, but whoever is on call must hear of it. Like the node
 * state, it flips only after `failureThreshold` polls in a row, so a flapping check cannot storm.
 */
export function noteService(sink: DetectionSink, cluster: FleetCluster, node: NodeRuntime, at: number) {
  // An agent that runs no checks says nothing either way.
  if (!node.status?.checks) return;
  const failed = failedAppChecks(node.status);
  if (failed.length > 0 === node.degraded) {
    node.serviceStreak = 0;
    return;
  }
  node.serviceStreak += 1;
  if (node.serviceStreak < cluster.failureThreshold) return;
  node.serviceStreak = 0;
  node.degraded = failed.length > 0;
  if (node.degraded) {
    const why = failed.map((c) => (c.detail ? `${c.name}: ${c.detail}` : c.name)).join("; ");
    const severity = node.role === "STANDBY" ? "WARNING" : "CRITICAL";
    const summary = `${who(node)} answers but its service fails (${why})`;
    sink.event(nodeEvent(node, at, "node.degraded", severity, summary, { failing: failed.map((c) => c.name) }));
  } else {
    sink.event(nodeEvent(node, at, "node.restored", "INFO", `${who(node)} serves again: its application checks pass`));
  }
}

/**
 * The agent answers, but with a document outside the protocol: its polls fail like a lost node's,
 * yet the fix is the agent's, so say that once when it starts (not every poll) until a valid one comes.
 */
export function noteBadDocument(
  sink: DetectionSink,
  node: NodeRuntime,
  problem: { field: string; message: string },
  at: number,
) {
  if (node.badDocument) return;
  node.badDocument = true;
  const refused = `${who(node)} sends a status document the console refuses (${problem.field}: ${problem.message})`;
  const summary = `${refused}; its polls fail until it sends a valid one`;
  sink.event(nodeEvent(node, at, "node.bad_document", "WARNING", summary, problem));
}

export function noteLag(sink: DetectionSink, cluster: FleetCluster, node: NodeRuntime, at: number) {
  const replication = node.status?.replication;
  const thresholds = lagThresholds(cluster);
  const lag = { bytes: replication?.lagBytes, seconds: replication?.lagSeconds };
  const over = node.role === "STANDBY" && isLagOver(lag, thresholds, node.lagOver);
  if (over === node.lagOver) return;
  node.lagOver = over;
  const figures = lagSaid(lag.bytes, lag.seconds);
  const byteLimit = bytes(thresholds.bytes);
  const seconds = thresholds.seconds === null ? "–" : secondsSaid(thresholds.seconds);
  const details = { lag, thresholds };
  if (over) {
    const summary = `${node.name} replication lag ${figures} is over the threshold (${byteLimit} / ${seconds})`;
    sink.event(nodeEvent(node, at, "lag.over", "WARNING", summary, details));
  } else {
    const summary = `${node.name} replication lag is back under the threshold (${figures})`;
    sink.event(nodeEvent(node, at, "lag.under", "INFO", summary, details));
  }
}
