// What the agent's HTTP server needs from a driver: the node's status, actions, and how the
// status endpoint answers right now (a simulated crash or slowness must look real on the wire).
import type { AgentAction, AgentActionResult, AgentStatus } from "../protocol.ts";

/** Whom a driver speaks for: the agent's id and the node's name and place, as its status documents say. */
export interface NodeIdentity {
  agentId: string;
  name: string;
  region?: string;
  zone?: string;
}

export type StatusGate = { kind: "answer" } | { kind: "drop" } | { kind: "delay"; ms: number };

export type ActionOutcome = Omit<AgentActionResult, "id">;

export interface Driver {
  status(): Promise<AgentStatus>;
  /** An action whose parameters its type's schema has checked (perform.ts). */
  act(action: AgentAction): Promise<ActionOutcome>;
  gate(): StatusGate;
  /**
   * Whether the node's service process is gone (not stopped, not slow), looked at cheaply and often so
   * the agent can tell the console at once; drivers without a process to watch leave it out.
   */
  processGone?(): Promise<boolean>;
}

/** An action's outcome, a failure with the error's words when the work throws. */
export async function outcomeOf(work: () => Promise<ActionOutcome>): Promise<ActionOutcome> {
  try {
    return await work();
  } catch (error) {
    return { status: "failed", detail: error instanceof Error ? error.message : String(error) };
  }
}
