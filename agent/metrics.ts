// GET /metrics on an agent: its node's checks from a fresh status, in the text format the console
// writes too (lib/ is plain TypeScript the agent may import). Latencies are gauges of the checks
// just run: the agent keeps no history, and a scrape is one more look, as a poll is.
import { gauge, renderExposition, type Sample } from "../lib/metrics-exposition.ts";
import type { AgentStatus } from "./protocol.ts";

export function agentMetrics(status: AgentStatus): string {
  const node = status.node.name;
  const ok: Sample[] = [];
  const latency: Sample[] = [];
  for (const check of status.checks ?? []) {
    const labels = { node, layer: check.layer, name: check.name };
    ok.push({ labels, value: check.ok ? 1 : 0 });
    if (check.latencyMs !== undefined) latency.push({ labels, value: check.latencyMs / 1000 });
  }
  return renderExposition([
    gauge("haops_agent_check_ok", "1 when the check passed, 0 when it failed.", ok),
    gauge(
      "haops_agent_check_latency_seconds",
      "How long the check took when the agent last ran it, in seconds.",
      latency,
    ),
    gauge("haops_agent_node_healthy", "1 when the agent reports its node healthy, else 0.", [
      { labels: { node, role: status.role }, value: status.healthy ? 1 : 0 },
    ]),
  ]);
}
