// Which nodes a scenario faults, with which fault, and whether it fits the cluster at all.
import { fail, pass, type GuardResult } from "../guards/types.ts";
import type { DrillState } from "./plan.ts";
import type { DrillPlanRequest, SimulatedFault } from "./types.ts";

export const LAG_BYTES_PER_SEC = 4 * 1024 * 1024;

export interface ScenarioFaults {
  fits: GuardResult;
  faults: { node: string; fault: SimulatedFault }[];
  region: string | null;
  /** What the inject phase does, in words. */
  description: string;
  /** What detection must see, completing "wait until the console …". */
  detects: string;
}

export function scenarioFaults(state: DrillState, request: DrillPlanRequest): ScenarioFaults {
  const id = "scenario-fits";
  const none = (reason: string): ScenarioFaults => ({
    fits: fail(id, reason),
    faults: [],
    region: null,
    description: "nothing",
    detects: "—",
  });
  const passive = state.mode === "active-passive";
  const primary = state.nodes.find((n) => n.role === "PRIMARY");
  const named = request.target ? state.nodes.find((n) => n.name === request.target) : undefined;
  if (request.target && !named) return none(`no node ${request.target} in ${state.cluster}`);
  switch (request.scenario) {
    case "primary-crash":
    case "primary-partition": {
      if (!passive || !primary) return none(`${request.scenario} needs a primary/standby cluster with a primary`);
      const crash = request.scenario === "primary-crash";
      return {
        fits: pass(id, `${primary.name} is the primary`),
        faults: [{ node: primary.name, fault: crash ? { kind: "crash" } : { kind: "partition", side: "all" } }],
        region: null,
        description: crash
          ? `crash ${primary.name} (primary)`
          : `cut ${primary.name} (primary) off from the console and its peers`,
        detects: `has ${primary.name} down, confirmed by its peers`,
      };
    }
    case "standby-lag": {
      const standby =
        named ??
        state.nodes.find((n) => n.role === "STANDBY" && n.replicationMode !== "sync") ??
        state.nodes.find((n) => n.role === "STANDBY");
      if (!passive || !standby || standby.role !== "STANDBY") return none("standby-lag needs a standby to slow down");
      return {
        fits: pass(id, `${standby.name} is a standby`),
        faults: [{ node: standby.name, fault: { kind: "lag", bytesPerSec: LAG_BYTES_PER_SEC } }],
        region: null,
        description: `make ${standby.name} fall behind by 4 MiB/s`,
        detects: `raises the lag alert for ${standby.name}`,
      };
    }
    case "node-crash": {
      const node = named ?? state.nodes.find((n) => n.role === "ACTIVE");
      if (passive || !node || node.role !== "ACTIVE")
        return none("node-crash needs an active-active cluster (use primary-crash for primary/standby)");
      return {
        fits: pass(id, `${node.name} serves traffic`),
        faults: [{ node: node.name, fault: { kind: "crash" } }],
        region: null,
        description: `crash ${node.name}`,
        detects: `has ${node.name} down`,
      };
    }
    case "region-loss": {
      const region = request.region ?? state.regions[primary?.name ?? state.nodes[0]?.name ?? ""] ?? null;
      const lost = state.nodes.filter((n) => region !== null && state.regions[n.name] === region);
      if (!region || lost.length === 0)
        return none(
          request.region ? `no node in region ${request.region}` : "no region to lose: the nodes have no region",
        );
      if (lost.length === state.nodes.length) return none(`every node is in ${region}: nothing would be left`);
      const names = lost.map((n) => n.name);
      return {
        fits: pass(id, `${region} holds ${names.join(", ")}; ${state.nodes.length - lost.length} nodes elsewhere`),
        faults: names.map((node) => ({ node, fault: { kind: "crash" } })),
        region,
        description: `crash every node of ${region}: ${names.join(", ")}`,
        detects:
          `has ${names.join(", ")} down` +
          (primary && names.includes(primary.name) ? `, ${primary.name} confirmed by its peers` : ""),
      };
    }
  }
}
