// A drill's figures from what the console recorded, all counted from the moment the fault went
// in: detection (DOWN, confirmed by peers for a primary; the lag alert for standby-lag), the
// failover decision, RTO (no writable primary / no healthy node serving) and RPO (the promoted
// standby's lag at the moment of loss). Pure over the rows; the loader reads them.
import type { Scenario } from "../../lib/drills.ts";
import type { Mode } from "../../lib/modes.ts";

export interface Measurements {
  detectionMs: number | null;
  failoverMs: number | null;
  rtoMs: number | null;
  rpoBytes: number | null;
  rpoSeconds: number | null;
  errorRate: number | null;
  /** The node that took over as primary, if one did. */
  promoted?: string | null;
}

export interface MeasureInput {
  scenario: Scenario;
  mode: Mode;
  injectedAt: number;
  /** The poll interval: a serving sample vouches for the service until two intervals later. */
  intervalMs: number;
  /** When restoring began (or now): recovery after this no longer counts. */
  until: number;
  faulted: string[];
  primary: string | null;
  samples: {
    node: string;
    at: number;
    role: string;
    healthy: boolean;
    lagBytes: number | null;
    lagSeconds: number | null;
    requestsPerSec: number | null;
    errorRate: number | null;
  }[];
  events: { node: string | null; type: string; at: number; confirmed: boolean }[];
  failoverRequestedAt: number | null;
}

const DETECTED = (scenario: Scenario, isPrimary: boolean) => (e: MeasureInput["events"][number]) =>
  scenario === "standby-lag"
    ? e.type === "lag.over"
    : isPrimary
      ? e.type === "node.confirmed_down" || (e.type === "node.down" && e.confirmed)
      : e.type === "node.down" || e.type === "node.confirmed_down";

function detection(input: MeasureInput): number | null {
  const times = input.faulted.map(
    (node) =>
      input.events
        .filter((e) => e.node === node && e.at >= input.injectedAt)
        .find(DETECTED(input.scenario, node === input.primary))?.at,
  );
  if (times.length === 0 || times.some((t) => t === undefined)) return null;
  return Math.max(...(times as number[])) - input.injectedAt;
}

/**
 * RTO: the time from the fault without a healthy serving node outside it (a writable primary for
 * active-passive). Serving samples vouch for two poll intervals; a gap longer than that is downtime,
 * however many there are. Null when service was not back before the restore began.
 */
function unserved(input: MeasureInput, serving: (s: MeasureInput["samples"][number]) => boolean) {
  const t0 = input.injectedAt;
  const vouch = 2 * input.intervalMs;
  const times = input.samples
    .filter((s) => s.at <= input.until && serving(s))
    .map((s) => s.at)
    .sort((a, b) => a - b);
  const last = times.filter((at) => at < t0).pop();
  let coveredUntil = last === undefined ? t0 : Math.max(t0, last + vouch);
  let down = 0;
  for (const at of times.filter((at) => at >= t0)) {
    if (at > coveredUntil) down += at - coveredUntil;
    coveredUntil = Math.max(coveredUntil, at + vouch);
  }
  return {
    rtoMs: coveredUntil >= input.until ? down : null,
    firstAfter: input.samples.find((s) => s.at >= t0 && s.at <= input.until && serving(s)),
  };
}

export function measure(input: MeasureInput): Measurements {
  const t0 = input.injectedAt;
  const passive = input.mode === "active-passive";
  const serving = (s: MeasureInput["samples"][number]) =>
    !input.faulted.includes(s.node) && s.healthy && s.role === (passive ? "PRIMARY" : "ACTIVE");
  const before = input.samples.filter((s) => s.at < t0);
  const lastBefore = new Map(before.map((s) => [s.node, s]));
  const { rtoMs, firstAfter } = unserved(input, serving);
  const lostPrimary = passive && input.primary !== null && input.faulted.includes(input.primary);
  const promoted = lostPrimary && firstAfter ? firstAfter.node : null;
  const atLoss = promoted ? lastBefore.get(promoted) : undefined;
  const rpo = !passive
    ? null
    : !lostPrimary
      ? { bytes: 0, seconds: 0 }
      : atLoss
        ? { bytes: atLoss.lagBytes ?? 0, seconds: atLoss.lagSeconds ?? 0 }
        : null;
  const during = input.samples.filter(
    (s) => s.at >= t0 && s.at <= input.until && s.requestsPerSec !== null && s.errorRate !== null,
  );
  const requests = during.reduce((sum, s) => sum + (s.requestsPerSec ?? 0), 0);
  const errors = during.reduce((sum, s) => sum + (s.requestsPerSec ?? 0) * (s.errorRate ?? 0), 0);
  return {
    detectionMs: detection(input),
    failoverMs: input.failoverRequestedAt === null ? null : Math.max(0, input.failoverRequestedAt - t0),
    rtoMs,
    rpoBytes: rpo?.bytes ?? null,
    rpoSeconds: rpo === null ? null : Math.round(rpo.seconds * 1000) / 1000,
    errorRate: requests > 0 ? Math.round((errors / requests) * 1e5) / 1e5 : null,
    promoted,
  };
}
