"use client";

// The cluster drawn as a graph: regions as groups, nodes as buttons (click or Enter for details),
// replication edges labelled with sync mode and lag, or load-balancer edges with share and weight
// (edge-lines.ts), every label (of an edge or a region) above every line.
// State shows as colour, shape and word; drained nodes have a dashed outline, fenced ones a hatch.
import type { ClusterDetail } from "@/server/fleet/cluster-detail";
import { roleLabel } from "@/lib/format";
import { StateBadge } from "@/components/ui/state-badge";
import { edgeLines, labelWidth } from "./edge-lines";
import { layoutTopology } from "./layout";

export function Topology({
  cluster,
  selected,
  onSelect,
}: {
  cluster: ClusterDetail;
  selected: string | null;
  onSelect: (name: string) => void;
}) {
  const layout = layoutTopology(
    cluster.mode,
    cluster.nodes.map((n) => ({
      name: n.name,
      role: n.role,
      region: n.region,
      zone: n.zone,
      upstream: n.replication?.upstream ?? null,
    })),
  );
  const lines = edgeLines(cluster, layout);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a diagram, not form controls: a fieldset would be the wrong element
    <div className="topology scroll-x" role="group" aria-label={`Topology of ${cluster.name}`}>
      <div className="topology-canvas" style={{ width: layout.width, height: layout.height }}>
        <svg width={layout.width} height={layout.height} aria-hidden="true" className="topology-lines">
          {layout.groups.map((g) => (
            <rect
              key={g.region}
              x={g.x + 0.5}
              y={g.y + 0.5}
              width={g.w - 1}
              height={g.h - 1}
              rx="8"
              className="topology-group"
            />
          ))}
          {lines.map((line) => (
            <path
              key={line.key}
              d={line.d}
              fill="none"
              className={`edge ${line.className}`}
              strokeDasharray={line.dashed ? "5 4" : undefined}
            />
          ))}
          {lines.map((line) =>
            line.label ? (
              <g key={line.key} className="edge-label">
                <rect
                  x={line.label.x - labelWidth(line.label.text) / 2}
                  y={line.label.y - 12}
                  width={labelWidth(line.label.text)}
                  height={16}
                  rx={3}
                />
                <text x={line.label.x} y={line.label.y} textAnchor="middle">
                  {line.label.text}
                </text>
              </g>
            ) : null,
          )}
          {layout.groups.map((g) => (
            <text key={g.region} x={g.x + 12} y={g.y + 18} className="topology-group-label">
              {g.region}
            </text>
          ))}
        </svg>
        {layout.balancer ? (
          <div
            className="topology-balancer"
            style={{
              left: layout.balancer.x,
              top: layout.balancer.y,
              width: layout.balancer.w,
              height: layout.balancer.h,
            }}
          >
            Load balancer
          </div>
        ) : null}
        {cluster.nodes.map((node) => {
          const box = layout.nodes[node.name];
          if (!box) return null;
          const drained = node.trafficState === "drain" || node.trafficState === "maint";
          // Each flag as shown on its tag and as spoken; "failing": it answers but its service does not.
          const failing = node.failingAppChecks.join(", ");
          const flags = [
            failing ? { text: "failing", spoken: `failing ${failing}`, className: "tag failing" } : null,
            node.needsRejoin ? { text: "rejoin", spoken: "must rejoin as a standby", className: "tag failing" } : null,
            ...[
              node.fenced ? "fenced" : null,
              drained ? node.trafficState : null,
              node.isolated ? "isolated" : null,
              node.paused ? "paused" : null,
            ].map((text) => (text ? { text, spoken: text, className: "tag" } : null)),
          ].filter((flag) => flag !== null);
          return (
            <button
              key={node.name}
              type="button"
              className={
                `topology-node node-${node.state} role-${node.role}` +
                (drained ? " drained" : "") +
                (node.fenced ? " fenced" : "")
              }
              style={{ left: box.x, top: box.y, width: box.w, height: box.h }}
              aria-pressed={selected === node.name}
              aria-label={[
                node.name,
                roleLabel(node),
                node.state.toLowerCase(),
                ...flags.map((flag) => flag.spoken),
                node.zone,
              ].join(", ")}
              onClick={() => onSelect(node.name)}
            >
              <span className="topology-node-name">
                {node.role === "primary" ? <span aria-hidden="true">★ </span> : null}
                {node.name}
              </span>
              <span className="topology-node-meta">
                {roleLabel(node)} · {node.zone}
              </span>
              <span className="topology-node-state">
                <StateBadge state={node.state} />
                {flags.map((flag) => (
                  <span key={flag.text} className={flag.className} title={flag.spoken}>
                    {flag.text}
                  </span>
                ))}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
