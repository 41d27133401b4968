// The reasons behind a readiness score, one function each, every sentence with its figures.
import { detectionBoundMs } from "../detection/bound.ts";
import { bytes, duration, seconds } from "../../lib/format.ts";
import type { ReadinessReason, ReasonId, ReasonState } from "../../lib/status.ts";
import type { ReadinessInput, ReadinessNode } from "./readiness.ts";

const DAY_MS = 86_400_000;
const DRILL_PASS_DAYS = 30;
const DRILL_WARN_DAYS = 90;

const reason = (id: ReasonId, state: ReasonState, text: string): ReadinessReason => ({ id, state, text });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const names = (nodes: { name: string }[]) => nodes.map((n) => n.name).join(", ");
const rate = (rps: number) => `${Math.round(rps)} req/s`;

function age(ms: number): string {
  if (ms < 2 * 3_600_000) return `${Math.max(0, Math.round(ms / 60_000))} min`;
  if (ms < 2 * DAY_MS) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.floor(ms / DAY_MS)} d`;
}

export function lastDrill({ lastPassedDrillAt, now }: ReadinessInput): ReadinessReason {
  if (lastPassedDrillAt === null) return reason("last-drill", "fail", "no successful drill yet");
  const ms = now - lastPassedDrillAt;
  const text = `last successful drill ${age(ms)} ago (${new Date(lastPassedDrillAt).toISOString().slice(0, 10)})`;
  if (ms <= DRILL_PASS_DAYS * DAY_MS) return reason("last-drill", "pass", text);
  if (ms <= DRILL_WARN_DAYS * DAY_MS) return reason("last-drill", "warn", `${text}: older than ${DRILL_PASS_DAYS} d`);
  return reason("last-drill", "fail", `${text}: older than ${DRILL_WARN_DAYS} d`);
}

export function standbyCapacity(input: ReadinessInput): ReadinessReason {
  return input.mode === "active-passive" ? healthyStandby(input.nodes) : nMinusOne(input.nodes);
}

/** Active-passive: some standby could be promoted now; a sync one would lose no acknowledged write. */
function healthyStandby(nodes: ReadinessNode[]): ReadinessReason {
  const standbys = nodes.filter((n) => n.role === "STANDBY");
  const ready = standbys.filter((n) => n.state === "HEALTHY" && !n.fenced && !n.paused);
  if (ready.length === 0) {
    const why = standbys
      .map((n) => `${n.name} ${n.fenced ? "fenced" : n.paused ? "paused" : n.state.toLowerCase()}`)
      .join(", ");
    return reason(
      "standby-capacity",
      "fail",
      standbys.length ? `no healthy standby to fail over to (${why})` : "no standby to fail over to",
    );
  }
  const sync = ready.filter((n) => n.replicationMode === "sync");
  const syncText = sync.length ? `${names(sync)} sync` : "none sync: a failover may lose the last writes";
  return reason("standby-capacity", "pass", `${plural(ready.length, "healthy standby")}: ${names(ready)}; ${syncText}`);
}

/** Active-active, N-1: losing the largest healthy ready node, the others still carry today's traffic. */
function nMinusOne(nodes: ReadinessNode[]): ReadinessReason {
  const ready = nodes.filter((n) => n.state === "HEALTHY" && (n.trafficState ?? "ready") === "ready");
  if (ready.length === 0) return reason("standby-capacity", "fail", "no healthy node is ready for traffic");
  if (ready.length === 1)
    return reason("standby-capacity", "fail", `only ${names(ready)} is healthy and ready: losing it drops all traffic`);
  const unknown = ready.filter((n) => n.maxRequestsPerSec === null);
  if (unknown.length)
    return reason("standby-capacity", "warn", `capacity unknown for ${names(unknown)}: N-1 not checked`);
  const capacity = (n: ReadinessNode) => n.maxRequestsPerSec ?? 0;
  const largest = ready.reduce((a, b) => (capacity(b) > capacity(a) ? b : a));
  const total = nodes.reduce((sum, n) => sum + (n.state === "DOWN" ? 0 : n.requestsPerSec), 0);
  const left = ready.reduce((sum, n) => sum + (n === largest ? 0 : capacity(n)), 0);
  const figures = `${rate(total)} now, ${rate(left)} capacity without ${largest.name} (the largest)`;
  return left >= total
    ? reason("standby-capacity", "pass", `N-1 holds: ${figures}`)
    : reason("standby-capacity", "fail", `N-1 fails: ${figures}`);
}

export function lagVsRpo({ rpoBudgetBytes, rpoBudgetSeconds, dayLag }: ReadinessInput): ReadinessReason {
  if (rpoBudgetBytes <= 0 && rpoBudgetSeconds <= 0) return reason("lag-vs-rpo", "warn", "no RPO budget set");
  if (dayLag.bytes === null && dayLag.seconds === null)
    return reason("lag-vs-rpo", "warn", "no replication lag measured in the last 24 h");
  // A zero budget on one side means that side is not limited, as in the failover guard.
  const over =
    (rpoBudgetBytes > 0 && (dayLag.bytes ?? 0) > rpoBudgetBytes) ||
    (rpoBudgetSeconds > 0 && (dayLag.seconds ?? 0) > rpoBudgetSeconds);
  const measured = [
    dayLag.bytes === null ? null : bytes(dayLag.bytes),
    dayLag.seconds === null ? null : seconds(dayLag.seconds),
  ];
  const budget = [
    rpoBudgetBytes > 0 ? bytes(rpoBudgetBytes) : null,
    rpoBudgetSeconds > 0 ? seconds(rpoBudgetSeconds) : null,
  ];
  const text =
    `worst lag in 24 h ${measured.filter(Boolean).join(" / ")} ` +
    `against an RPO budget of ${budget.filter(Boolean).join(" / ")}`;
  return reason("lag-vs-rpo", over ? "fail" : "pass", text);
}

/** Detection eats into the RTO: past half of it, failover has little time left; past all of it, none. */
export function detectionVsRto(input: ReadinessInput): ReadinessReason {
  if (input.rtoTargetMs <= 0) return reason("detection-vs-rto", "warn", "no RTO target set");
  const bound = detectionBoundMs(input);
  const share = `${Math.round((100 * bound) / input.rtoTargetMs)} % of the ${duration(input.rtoTargetMs)} RTO target`;
  const text = `a failure is detected within ${duration(bound)} at worst, ${share}`;
  if (bound >= input.rtoTargetMs) return reason("detection-vs-rto", "fail", `${text}: no time left to fail over`);
  if (bound > input.rtoTargetMs / 2) return reason("detection-vs-rto", "warn", `${text}: over half of it`);
  return reason("detection-vs-rto", "pass", text);
}

/** The outbox rule (alert_rules migration): an endpoint gets the cluster's events its types share. */
function receivesAlerts(endpointEvents: string[], alertEvents: string[]): boolean {
  if (endpointEvents.length === 0 || alertEvents.length === 0) return false;
  return (
    endpointEvents.includes("*") || alertEvents.includes("*") || endpointEvents.some((e) => alertEvents.includes(e))
  );
}

export function webhooks({ endpoints, alertEvents }: ReadinessInput): ReadinessReason {
  const reached = endpoints.filter((e) => receivesAlerts(e.events, alertEvents));
  const enabled = reached.filter((e) => e.enabled);
  if (enabled.length === 0) {
    const disabled = reached.length ? ` (${names(reached)} disabled)` : "";
    return reason("webhooks", "fail", `no enabled webhook endpoint receives this cluster's alerts${disabled}`);
  }
  const failing = enabled.filter((e) => e.lastAttempt === "failing");
  if (failing.length)
    return reason(
      "webhooks",
      "warn",
      `alerts go to ${names(enabled)}; the last delivery attempt in 24 h to ${names(failing)} did not succeed`,
    );
  const delivered = enabled.some((e) => e.lastAttempt === "succeeded");
  return reason(
    "webhooks",
    "pass",
    `alerts go to ${names(enabled)}; ` +
      (delivered ? "the last deliveries in 24 h succeeded" : "no delivery in the last 24 h"),
  );
}
