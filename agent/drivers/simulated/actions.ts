// What each v1 action does to a simulated node: promote and demote change its role (and timeline),
// fence and unfence its writability or a peer's, drain, undrain and set-weight its share of traffic,
// and faults are injected and cleared. Parameters arrive checked (protocol.ts).
import type { AgentAction } from "../../protocol.ts";
import type { ActionOutcome } from "../driver.ts";
import type { SimulatedNode } from "./node.ts";
import { LagModel } from "./replication.ts";

export function actOn(node: SimulatedNode, action: AgentAction, now: number): ActionOutcome {
  const { type } = action;
  const active = node.role === "active";
  const unsupported = (nodes: string): ActionOutcome => ({
    status: "unsupported",
    detail: `${type} applies to ${nodes} only`,
  });
  const activeOnly = (run: () => ActionOutcome) => (active ? run() : unsupported("load-balanced (active) nodes"));
  const replicated = (run: () => ActionOutcome) => (active ? unsupported("primary/standby nodes") : run());
  switch (action.type) {
    case "promote":
      return replicated(() => {
        if (node.role === "primary") return { status: "done", detail: `already primary on timeline ${node.timeline}` };
        node.role = "primary";
        node.upstream = undefined;
        node.timeline++;
        return { status: "done", detail: `promoted to primary on timeline ${node.timeline}` };
      });
    case "demote":
      return replicated(() => {
        const upstream = action.params.upstream ?? node.cluster.primaryOtherThan(node);
        node.role = "standby";
        // Like PostgreSQL started as a standby: read-only by role, the fence's setting dropped.
        node.fenced = false;
        node.upstream = upstream;
        node.lag = new LagModel(node.mode, now);
        return { status: "done", detail: upstream ? `standby of ${upstream}` : "standby without an upstream" };
      });
    case "fence":
    case "unfence": {
      const fence = action.type === "fence";
      const other = action.params.node;
      if (other !== undefined && other !== node.name) {
        // Another node, off the write path at the (simulated) load balancer.
        const peer = node.cluster.nodes.get(other);
        if (!peer) return { status: "failed", detail: `no node ${other} in this cluster` };
        peer.fenced = fence;
        const where = `${fence ? "taken off" : "put back on"} the write path at the load balancer`;
        return { status: "done", detail: `${other} ${where}` };
      }
      node.fenced = fence;
      return { status: "done", detail: fence ? "fenced: writes are refused" : "unfenced: writes are accepted" };
    }
    case "drain":
    case "undrain":
      return activeOnly(() => {
        node.trafficState = type === "drain" ? "drain" : "ready";
        return { status: "done", detail: `traffic state ${node.trafficState}` };
      });
    case "set-weight":
      return activeOnly(() => {
        node.weight = action.params.weight;
        return { status: "done", detail: `weight ${node.weight}` };
      });
    case "inject-fault":
      return node.faults.inject(action.params);
    case "clear-fault":
      return node.faults.clear(action.params.kind);
  }
}
