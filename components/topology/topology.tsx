"use client";

// The cluster drawn as a graph: regions as groups, nodes as buttons (click or Enter for details),
// replication edges labelled with sync mode and lag, or load-balancer edges with share and weight.
// State shows as colour, shape and word; drained nodes have a dashed outline, fenced ones a hatch.
import type { ClusterDetail, NodeDetail } from "@/server/fleet/cluster-detail";
import { bytes, percent, roleLabel, seconds } from "@/lib/format";
import { StateBadge } from "@/components/ui/state-badge";
import { edgePath, layoutTopology } from "./layout";

function replicationLabel(node: NodeDetail): string {
  const r = node.replication;
  if (!r) return "";
  return `${r.mode ?? "?"} · ${bytes(r.bytes)} / ${seconds(r.seconds)}`;
}

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
  const byName = new Map(cluster.nodes.map((n) => [n.name, n]));
  const totalRps = cluster.nodes.reduce(
    (sum, n) => sum + (n.state === "DOWN" ? 0 : (n.traffic?.requestsPerSec ?? 0)),
    0,
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a diagram, not form controls: a fieldset would be the wrong element
    <div className="topology scroll-x" role="group" aria-label={`Topology of ${cluster.name}`}>
      <div className="topology-canvas" style={{ width: layout.width, height: layout.height }}>
        <svg width={layout.width} height={layout.height} aria-hidden="true" className="topology-lines">
          {layout.groups.map((g) => (
            <g key={g.region}>
              <rect x={g.x + 0.5} y={g.y + 0.5} width={g.w - 1} height={g.h - 1} rx="8" className="topology-group" />
              <text x={g.x + 12} y={g.y + 18} className="topology-group-label">
                {g.region}
              </text>
            </g>
          ))}
          {layout.edges.map((edge) => {
            const from = layout.nodes[edge.from];
            const to = layout.nodes[edge.to];
            const target = byName.get(edge.to);
            if (!from || !to || !target) return null;
            const { d, label } = edgePath(from, to);
            const broken = target.state === "DOWN" || byName.get(edge.from)?.state === "DOWN";
            const text = replicationLabel(target);
            return (
              <g
                key={`${edge.from}-${edge.to}`}
                className={`edge${broken ? " edge-broken" : ""}${target.lagOver ? " edge-lagging" : ""}`}
              >
                <path d={d} fill="none" strokeDasharray={edge.inferred || broken ? "5 4" : undefined} />
                {text ? (
                  <text x={label.x} y={label.y} textAnchor="middle" className="edge-label">
                    {text}
                  </text>
                ) : null}
              </g>
            );
          })}
          {layout.balancer
            ? cluster.nodes.map((node) => {
                const to = layout.nodes[node.name];
                if (!to) return null;
                const { d, label } = edgePath(layout.balancer!, to, 0.5);
                const rps = node.state === "DOWN" ? 0 : (node.traffic?.requestsPerSec ?? 0);
                const out = node.state === "DOWN" || node.trafficState === "drain" || node.trafficState === "maint";
                return (
                  <g key={node.name} className={`edge${out ? " edge-broken" : ""}`}>
                    <path d={d} fill="none" strokeDasharray={out ? "5 4" : undefined} />
                    <text x={label.x} y={label.y} textAnchor="middle" className="edge-label">
                      {`${totalRps > 0 ? percent(rps / totalRps) : "0 %"} · w${node.traffic?.weight ?? node.weight}`}
                    </text>
                  </g>
                );
              })
            : null}
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
