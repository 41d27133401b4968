// Lays a cluster out for its topology drawing: one group per region, nodes in tiers (the primary
// above its standbys; the load balancer above active nodes), edges for replication or traffic.
// Pure and deterministic, so the picture never jumps between refreshes.
import type { Mode } from "@/lib/modes";

export interface TopologyNode {
  name: string;
  role: "primary" | "standby" | "active" | "unknown";
  region: string;
  zone: string;
  upstream: string | null;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Edge {
  from: string;
  to: string;
  /** The source has no such upstream on record: the edge is drawn from the primary, as inferred. */
  inferred: boolean;
}

export interface Layout {
  width: number;
  height: number;
  groups: (Box & { region: string })[];
  nodes: Record<string, Box>;
  balancer: Box | null;
  edges: Edge[];
}

export const NODE_W = 200;
export const NODE_H = 70;
const GAP_X = 16;
const GAP_Y = 64;
const PAD = 12;
const HEAD = 26;
const GROUP_GAP = 20;
const BALANCER_H = 44;

const roleOrder = { primary: 0, standby: 1, active: 1, unknown: 2 } as const;

export function layoutTopology(mode: Mode, nodes: TopologyNode[]): Layout {
  const activeActive = mode === "active-active";
  const tierOf = (node: TopologyNode) => (!activeActive && node.role === "primary" ? 0 : 1);
  const tiers = activeActive || !nodes.some((n) => n.role === "primary") ? [1] : [0, 1];
  const primaryRegion = nodes.find((n) => n.role === "primary")?.region;
  const regions = [...new Set(nodes.map((n) => n.region))].sort((a, b) =>
    a === primaryRegion ? -1 : b === primaryRegion ? 1 : a.localeCompare(b),
  );
  const top = activeActive ? BALANCER_H + GAP_Y : 0;
  const groupH = HEAD + PAD * 2 + tiers.length * NODE_H + (tiers.length - 1) * GAP_Y;
  const layout: Layout = { width: 0, height: top + groupH, groups: [], nodes: {}, balancer: null, edges: [] };

  let x = 0;
  for (const region of regions) {
    const members = nodes
      .filter((n) => n.region === region)
      .sort(
        (a, b) => roleOrder[a.role] - roleOrder[b.role] || a.zone.localeCompare(b.zone) || a.name.localeCompare(b.name),
      );
    const slots = Math.max(1, ...tiers.map((tier) => members.filter((n) => tierOf(n) === tier).length));
    const w = PAD * 2 + slots * NODE_W + (slots - 1) * GAP_X;
    layout.groups.push({ region, x, y: top, w, h: groupH });
    tiers.forEach((tier, row) => {
      members
        .filter((n) => tierOf(n) === tier)
        .forEach((node, i) => {
          layout.nodes[node.name] = {
            x: x + PAD + i * (NODE_W + GAP_X),
            y: top + HEAD + PAD + row * (NODE_H + GAP_Y),
            w: NODE_W,
            h: NODE_H,
          };
        });
    });
    x += w + GROUP_GAP;
  }
  layout.width = Math.max(NODE_W, x - GROUP_GAP);

  if (activeActive) {
    const w = 180;
    layout.balancer = { x: (layout.width - w) / 2, y: 0, w, h: BALANCER_H };
    return layout;
  }
  const primaries = nodes.filter((n) => n.role === "primary");
  for (const node of nodes) {
    if (node.role === "primary") continue;
    const upstream = node.upstream && layout.nodes[node.upstream] ? node.upstream : null;
    if (upstream) layout.edges.push({ from: upstream, to: node.name, inferred: false });
    else if (primaries.length === 1 && node.role === "standby")
      layout.edges.push({ from: primaries[0]!.name, to: node.name, inferred: true });
  }
  return layout;
}

/**
 * A smooth edge from the bottom of one box to the top of another, and the point for its label at
 * `t` along it (nearer the target spreads the labels of edges from one source apart).
 */
export function edgePath(from: Box, to: Box, t = 0.75): { d: string; label: { x: number; y: number } } {
  const x1 = from.x + from.w / 2;
  const y1 = from.y + from.h;
  const x2 = to.x + to.w / 2;
  const y2 = to.y;
  const mid = (y1 + y2) / 2;
  const u = 1 - t;
  // Cubic Bézier at t with control points (x1, mid) and (x2, mid).
  const x = u ** 3 * x1 + 3 * u ** 2 * t * x1 + 3 * u * t ** 2 * x2 + t ** 3 * x2;
  const y = u ** 3 * y1 + 3 * u ** 2 * t * mid + 3 * u * t ** 2 * mid + t ** 3 * y2;
  return { d: `M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`, label: { x, y: y - 4 } };
}
