// Words for drills, alike on every drill page.
import type { DrillDocument } from "@/server/drills/read";
import type { PhaseName, Scenario } from "@/lib/drills";

export const SCENARIO_LABEL: Record<Scenario, string> = {
  "primary-crash": "Primary crash",
  "primary-partition": "Primary partition",
  "standby-lag": "Standby lag",
  "node-crash": "Node crash",
  "region-loss": "Region loss",
};

export const PHASE_ICON = { PENDING: "○", RUNNING: "◐", SUCCEEDED: "✓", FAILED: "✗", SKIPPED: "–" } as const;

/** The button that starts a phase in a click-through drill. */
export function advanceLabel(phase: PhaseName, drill: Pick<DrillDocument, "failoverBy">): string {
  switch (phase) {
    case "inject":
      return "Inject the fault";
    case "detect":
      return "Watch detection";
    case "failover":
      return drill.failoverBy === "operator-run"
        ? "Fail over"
        : drill.failoverBy === "automatic"
          ? "Watch the automatic failover"
          : "Check traffic";
    case "verify":
      return "Verify";
    default:
      return "Restore the cluster";
  }
}

export function outcomeLabel(drill: { status: string; verdict: string | null }): string {
  if (drill.status === "RUNNING") return "running";
  return drill.verdict ? drill.verdict.toLowerCase() : drill.status.toLowerCase();
}
