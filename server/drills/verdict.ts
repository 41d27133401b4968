// A drill's figures against the cluster's targets: pass or fail per target, and the verdict.
import { detectionBoundMs, type DetectionSettings } from "../detection/bound.ts";
import { duration, lag } from "../../lib/format.ts";
import type { Measurements } from "./measure.ts";

export interface Targets {
  rtoTargetMs: number;
  rpoBudgetBytes: number;
  rpoBudgetSeconds: number;
  detectionBoundMs: number;
}

/** A cluster's targets, as a drill is judged by them. */
export function targetsOf(
  cluster: DetectionSettings & { rtoTargetMs: number; rpoBudgetBytes: bigint | number; rpoBudgetSeconds: number },
): Targets {
  return {
    rtoTargetMs: cluster.rtoTargetMs,
    rpoBudgetBytes: Number(cluster.rpoBudgetBytes),
    rpoBudgetSeconds: cluster.rpoBudgetSeconds,
    detectionBoundMs: detectionBoundMs(cluster),
  };
}

export interface TargetCheck {
  id: "detection" | "rto" | "rpo";
  ok: boolean;
  reason: string;
}

export function checkTargets(m: Measurements, t: Targets, activePassive: boolean): TargetCheck[] {
  const checks: TargetCheck[] = [
    m.detectionMs === null
      ? { id: "detection", ok: false, reason: "the fault was never detected" }
      : {
          id: "detection",
          ok: true,
          reason: `detected in ${duration(m.detectionMs)} (worst case by the settings ${duration(t.detectionBoundMs)})`,
        },
    m.rtoMs === null
      ? {
          id: "rto",
          ok: false,
          reason: `service did not come back before the restore (target ${duration(t.rtoTargetMs)})`,
        }
      : {
          id: "rto",
          ok: m.rtoMs <= t.rtoTargetMs,
          reason: `RTO ${duration(m.rtoMs)} against a target of ${duration(t.rtoTargetMs)}`,
        },
  ];
  if (activePassive) {
    if (m.rpoBytes === null) checks.push({ id: "rpo", ok: false, reason: "no primary took over: RPO unknown" });
    else {
      const over =
        (t.rpoBudgetBytes > 0 && m.rpoBytes > t.rpoBudgetBytes) ||
        (t.rpoBudgetSeconds > 0 && (m.rpoSeconds ?? 0) > t.rpoBudgetSeconds);
      const budget = lag(t.rpoBudgetBytes, t.rpoBudgetSeconds);
      const measured = lag(m.rpoBytes, m.rpoSeconds);
      checks.push({ id: "rpo", ok: !over, reason: `RPO ${measured} against a budget of ${budget}` });
    }
  }
  return checks;
}
