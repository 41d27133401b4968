// What the agent's HTTP server needs from a driver: the node's status, actions, and how the
// status endpoint answers right now (a simulated crash or slowness must look real on the wire).
import type { AgentActionRequest, AgentActionResult, AgentStatus } from "../protocol.ts";

export type StatusGate = { kind: "answer" } | { kind: "drop" } | { kind: "delay"; ms: number };

export type ActionOutcome = Omit<AgentActionResult, "id">;

export interface Driver {
  status(): Promise<AgentStatus>;
  act(request: AgentActionRequest): Promise<ActionOutcome>;
  gate(): StatusGate;
}
