// The per-node state machine: SUSPECT after the first failed poll, DOWN after failureThreshold
// failures in a row, HEALTHY after one success.
import type { NodeState } from "../db/generated/enums.ts";

export interface Health {
  state: NodeState;
  failures: number;
}

export function nextHealth(previous: Health, ok: boolean, failureThreshold: number): Health {
  if (ok) return { state: "HEALTHY", failures: 0 };
  const failures = previous.failures + 1;
  return { state: failures >= failureThreshold ? "DOWN" : "SUSPECT", failures };
}
