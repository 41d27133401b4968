// State bands per node over the chart's range: colour and pattern per state, the exact span on
// hover, and a summary in words for screen readers.
import type { NodeState } from "@/server/db/generated/enums";

const LABEL: Record<NodeState, string> = { HEALTHY: "healthy", SUSPECT: "suspect", DOWN: "down", UNKNOWN: "unknown" };

export function HealthTimeline({
  health,
  nodes,
  from,
  to,
}: {
  health: Record<string, { from: number; to: number; state: NodeState }[]>;
  nodes: string[];
  from: number;
  to: number;
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
                  title={`${LABEL[b.state]}: ${new Date(b.from).toLocaleString()} – ${new Date(b.to).toLocaleTimeString()}`}
                />
              ))}
            </div>
          </div>
        );
      })}
      <p className="timeline-legend muted">
        <span className="band-key band-HEALTHY" /> healthy <span className="band-key band-SUSPECT" /> suspect (striped){" "}
        <span className="band-key band-DOWN" /> down (cross-hatched) <span className="band-key band-UNKNOWN" /> unknown
      </p>
    </div>
  );
}
