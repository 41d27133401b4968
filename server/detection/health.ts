// The per-node state machine: SUSPECT after the first failed poll, DOWN after failureThreshold
// failures in a row (or at once when its own agent reports its process gone), HEALTHY after one success.
import type { NodeState } from "../db/generated/enums.ts";

export interface Health {
  state: NodeState;
  failures: number;
}

/** `certain`: the failure is a certain death (its process gone), DOWN at once. */
export function nextHealth(previous: Health, ok: boolean, failureThreshold: number, certain = false): Health {
  if (ok) return { state: "HEALTHY", failures: 0 };
  const failures = certain ? Math.max(previous.failures + 1, failureThreshold) : previous.failures + 1;
  return { state: failures >= failureThreshold ? "DOWN" : "SUSPECT", failures };
}
