// The topology's edges as lines to draw: replication from a primary (sync mode and lag on the label)
// or traffic from the load balancer (share and weight). All lines are drawn before any label, so no
// line crosses a label.
import type { ClusterDetail, NodeDetail } from "@/server/fleet/cluster-detail";
import { bytes, percent, seconds } from "@/lib/format";
import { edgePath, type Layout } from "./layout";

export interface EdgeLine {
  key: string;
  d: string;
  className: string;
  dashed: boolean;
  label: { x: number; y: number; text: string } | null;
}

/** A label's chip: wide enough for its text at 11 px (about 6.2 px a character) and a little air. */
export const labelWidth = (text: string) => Math.ceil(text.length * 6.2) + 10;

function replicationLabel(node: NodeDetail): string {
  const r = node.replication;
  if (!r) return "";
  return `${r.mode ?? "?"} · ${bytes(r.bytes)} / ${seconds(r.seconds)}`;
}

export function edgeLines(cluster: ClusterDetail, layout: Layout): EdgeLine[] {
  const byName = new Map(cluster.nodes.map((n) => [n.name, n]));
  const lines: EdgeLine[] = [];
  for (const edge of layout.edges) {
    const from = layout.nodes[edge.from];
    const to = layout.nodes[edge.to];
    const target = byName.get(edge.to);
    if (!from || !to || !target) continue;
    const { d, label } = edgePath(from, to);
    const broken = target.state === "DOWN" || byName.get(edge.from)?.state === "DOWN";
    const text = replicationLabel(target);
    lines.push({
      key: `${edge.from}-${edge.to}`,
      d,
      className: `${broken ? "edge-broken" : ""}${target.lagOver ? " edge-lagging" : ""}`,
      dashed: edge.inferred || broken,
      label: text ? { ...label, text } : null,
    });
  }
  const balancer = layout.balancer;
  if (!balancer) return lines;
  const totalRps = cluster.nodes.reduce(
    (sum, n) => sum + (n.state === "DOWN" ? 0 : (n.traffic?.requestsPerSec ?? 0)),
    0,
  );
  for (const node of cluster.nodes) {
    const to = layout.nodes[node.name];
    if (!to) continue;
    const { d, label } = edgePath(balancer, to, 0.5);
    const rps = node.state === "DOWN" ? 0 : (node.traffic?.requestsPerSec ?? 0);
    const out = node.state === "DOWN" || node.trafficState === "drain" || node.trafficState === "maint";
    const share = totalRps > 0 ? percent(rps / totalRps) : "0 %";
    lines.push({
      key: node.name,
      d,
      className: out ? "edge-broken" : "",
      dashed: out,
      label: { ...label, text: `${share} · w${node.traffic?.weight ?? node.weight}` },
    });
  }
  return lines;
}
