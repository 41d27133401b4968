// State bands per node over the chart's range: colour and pattern per state, the exact span on
// hover, a summary in words for screen readers, and the span's markers as thin lines across.
import { Fragment } from "react";
import { absoluteTime } from "@/lib/time";
import type { NodeState } from "@/server/db/generated/enums";
import type { ChartMarker } from "@/server/fleet/chart-markers";
import { MARKER_STYLE } from "./markers";

const LABEL: Record<NodeState, string> = { HEALTHY: "healthy", SUSPECT: "suspect", DOWN: "down", UNKNOWN: "unknown" };
const PATTERN: Record<NodeState, string> = {
  HEALTHY: "",
  SUSPECT: " (striped)",
  DOWN: " (cross-hatched)",
  UNKNOWN: "",
};

type Band = { from: number; to: number; state: NodeState };
const bandTitle = (b: Band) => `${LABEL[b.state]}: ${absoluteTime(b.from)} – ${absoluteTime(b.to)}`;

export function HealthTimeline({
  health,
  nodes,
  from,
  to,
  markers,
}: {
  health: Record<string, Band[]>;
  nodes: string[];
  from: number;
  to: number;
  markers: ChartMarker[];
}) {
  const span = to - from;
  return (
    <div className="timeline">
      {nodes.map((node) => {
        const bands = health[node] ?? [];
        const time: Partial<Record<NodeState, number>> = {};
        for (const b of bands) time[b.state] = (time[b.state] ?? 0) + (Math.min(b.to, to) - Math.max(b.from, from));
        const covered = Object.values(time).reduce((sum, v) => sum + (v ?? 0), 0);
        const summary = Object.entries(time)
          .map(
            ([state, ms]) => `${LABEL[state as NodeState]} ${Math.round((100 * (ms ?? 0)) / Math.max(covered, 1))} %`,
          )
          .join(", ");
        return (
          <div className="timeline-row" key={node}>
            <span className="timeline-name">{node}</span>
            <div className="timeline-track" role="img" aria-label={`${node}: ${summary || "no samples"}`}>
              {bands.map((b) => (
                <span
                  key={b.from}
                  className={`band band-${b.state}`}
                  style={{
                    left: `${(100 * (Math.max(b.from, from) - from)) / span}%`,
                    width: `${Math.max(0.3, (100 * (Math.min(b.to, to) - Math.max(b.from, from))) / span)}%`,
                  }}
                  title={bandTitle(b)}
                />
              ))}
              {markers
                .filter((m) => m.at >= from && m.at <= to)
                .map((m) => (
                  <span
                    key={`${m.kind}-${m.at}`}
                    className="timeline-marker"
                    style={{ left: `${(100 * (m.at - from)) / span}%`, background: MARKER_STYLE[m.kind].stroke }}
                    title={m.label}
                  />
                ))}
            </div>
          </div>
        );
      })}
      <p className="timeline-legend muted">
        {(Object.keys(LABEL) as NodeState[]).map((state) => (
          <Fragment key={state}>
            <span className={`band-key band-${state}`} /> {LABEL[state] + PATTERN[state]}{" "}
          </Fragment>
        ))}
      </p>
    </div>
  );
}
