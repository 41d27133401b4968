// How a chart marks a failover, switchover, drill or node down: a vertical line of the kind's colour
// and dash with its word above the plot. Words that would overlap the one before are left out (the
// line stays, and the tooltip and the list under the charts still name it).
import type { ChartMarker, MarkerKind } from "@/server/fleet/chart-markers";

export const MARKER_WORD: Record<MarkerKind, string> = {
  failover: "failover",
  switchover: "switchover",
  drill: "drill",
  down: "down",
};

export const MARKER_STYLE: Record<MarkerKind, { stroke: string; strokeDasharray?: string }> = {
  failover: { stroke: "var(--accent)" },
  switchover: { stroke: "var(--accent)", strokeDasharray: "6 3" },
  drill: { stroke: "var(--suspect)", strokeDasharray: "2 3" },
  down: { stroke: "var(--down)", strokeDasharray: "8 3 2 3" },
};

/** A label's width as a share of the plot: a word of 11 px type on a chart about 500 px wide. */
const shareOf = (kind: MarkerKind) => (MARKER_WORD[kind].length * 6.5 + 8) / 500;

export function labelledMarkers(markers: ChartMarker[], from: number, to: number): Set<ChartMarker> {
  const labelled = new Set<ChartMarker>();
  let freeFrom = Number.NEGATIVE_INFINITY;
  for (const marker of [...markers].sort((a, b) => a.at - b.at)) {
    const x = (marker.at - from) / (to - from);
    if (x < 0 || x > 1) continue;
    const half = shareOf(marker.kind) / 2;
    if (x - half < freeFrom) continue;
    labelled.add(marker);
    freeFrom = x + half;
  }
  return labelled;
}
