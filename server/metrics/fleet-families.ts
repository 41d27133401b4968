// The fleet's metric families: per node (state, lag, traffic) and per cluster (availability,
// readiness, poll latencies), from what the overview reads. Label values are spelt as the REST API
// spells them (roles lower-case, states upper-case), so a query and an API answer agree.
import { type Family, gauge, type HistogramSample, type Sample } from "../../lib/metrics-exposition.ts";
import { NodeState } from "../db/generated/enums.ts";
import { figuresOf } from "../guards/node-figures.ts";
import { apiRole } from "../fleet/api-names.ts";
import { availabilityOf } from "../fleet/availability.ts";
import type { loadFleet } from "../fleet/overview.ts";

type Fleet = Awaited<ReturnType<typeof loadFleet>>;

const STATES = Object.values(NodeState);

export function nodeFamilies({ clusters }: Fleet): Family[] {
  const up: Sample[] = [];
  const reported: Sample[] = [];
  const state: Sample[] = [];
  const lagBytes: Sample[] = [];
  const lagSeconds: Sample[] = [];
  const weight: Sample[] = [];
  const rps: Sample[] = [];
  for (const cluster of clusters) {
    for (const node of cluster.nodes) {
      const labels = { cluster: cluster.name, node: node.name };
      up.push({ labels: { ...labels, role: apiRole(node.role) }, value: node.state === "HEALTHY" ? 1 : 0 });
      reported.push({ labels: { ...labels, role: apiRole(node.reportedRole) }, value: 1 });
      for (const each of STATES) state.push({ labels: { ...labels, state: each }, value: node.state === each ? 1 : 0 });
      if (node.lagBytes !== null) lagBytes.push({ labels, value: node.lagBytes });
      if (node.lagSeconds !== null) lagSeconds.push({ labels, value: node.lagSeconds });
      weight.push({ labels, value: node.weight });
      if (node.requestsPerSec !== null) rps.push({ labels, value: node.requestsPerSec });
    }
  }
  return [
    gauge("haops_node_up", "1 when the node is HEALTHY, else 0; role is the console's view of it.", up),
    gauge(
      "haops_node_reported_role",
      "1, labelled with the role the node's agent last reported (two primaries at once: split-brain).",
      reported,
    ),
    gauge(
      "haops_node_state",
      "1 for the node's current state (HEALTHY, SUSPECT, DOWN, UNKNOWN), 0 for the others.",
      state,
    ),
    gauge("haops_replication_lag_bytes", "Replication lag the node last reported, in bytes.", lagBytes),
    gauge("haops_replication_lag_seconds", "Replication lag the node last reported, in seconds.", lagSeconds),
    gauge("haops_traffic_weight", "The node's load-balancer weight (0-256).", weight),
    gauge("haops_requests_per_second", "Requests per second the node last reported.", rps),
  ];
}

export function clusterFamilies(
  { clusters, uptime, readinessOf }: Fleet,
  polls: Map<string, HistogramSample>,
): Family[] {
  const availability: Sample[] = [];
  const target: Sample[] = [];
  const readiness: Sample[] = [];
  const splitBrain: Sample[] = [];
  const pollSamples: HistogramSample[] = [];
  for (const cluster of clusters) {
    const labels = { cluster: cluster.name };
    const minutes = uptime.get(cluster.id) ?? { observed: 0, up: 0 };
    const { percent } = availabilityOf(cluster.availabilityTarget, minutes.observed, minutes.up);
    if (percent !== null) availability.push({ labels, value: percent / 100 });
    target.push({ labels, value: cluster.availabilityTarget / 100 });
    const nodes = cluster.nodes.map((node) => ({ ...node, ...figuresOf(node, node) }));
    readiness.push({ labels, value: readinessOf({ ...cluster, nodes }).score });
    splitBrain.push({ labels, value: cluster.splitBrain ? 1 : 0 });
    const poll = polls.get(cluster.id);
    if (poll) pollSamples.push({ ...poll, labels });
  }
  return [
    gauge(
      "haops_cluster_availability_ratio",
      "Share of the last 30 days' observed minutes in which the cluster served (0-1).",
      availability,
    ),
    gauge("haops_cluster_availability_target_ratio", "The cluster's availability target (0-1).", target),
    gauge("haops_readiness_score", "How ready the cluster is for its next failure, 0-100.", readiness),
    gauge(
      "haops_cluster_split_brain",
      "1 while the console holds the cluster in split-brain (two nodes report primary), else 0.",
      splitBrain,
    ),
    {
      name: "haops_poll_duration_seconds",
      help: "Poll latencies of the last 15 s of stored polls (a window, not a counter: do not rate() it).",
      type: "histogram",
      samples: pollSamples,
    },
  ];
}
