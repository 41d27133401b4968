// One server of a load-balanced backend as HAProxy sees it and as an operator changes it: its
// weight, state, sessions and request rate; drain, undrain and set-weight over the runtime API; a
// node's server named from its driver's haproxy section.
import type { AgentAction, AgentStatus } from "../../protocol.ts";
import type { ActionOutcome } from "../driver.ts";
import { runtimeChange, showStat } from "./runtime-api.ts";

export interface HaproxyServer {
  socket: string;
  backend: string;
  server: string;
}

/** A node's server in HAProxy, named like the node unless its haproxy section says otherwise. */
export function writeServer(
  section: { socket: string; backend: string; server?: string } | undefined,
  node: string,
): HaproxyServer | null {
  return section ? { socket: section.socket, backend: section.backend, server: section.server ?? node } : null;
}

const STATE: Record<string, "ready" | "drain" | "maint"> = { MAINT: "maint", DRAIN: "drain" };

export async function serverTraffic(lb: HaproxyServer): Promise<NonNullable<AgentStatus["traffic"]> | null> {
  const stat = (await showStat(lb.socket)).find((s) => s.backend === lb.backend && s.server === lb.server);
  if (!stat) return null;
  const state = STATE[stat.status.split(" ")[0]!] ?? (stat.status.startsWith("MAINT") ? "maint" : "ready");
  return {
    weight: Math.min(256, stat.weight),
    state,
    activeConnections: stat.currentSessions,
    requestsPerSec: stat.requestRate ?? stat.sessionRate,
  };
}

type TrafficAction = Extract<AgentAction, { type: "drain" | "undrain" | "set-weight" }>;

export async function trafficAction(lb: HaproxyServer, action: TrafficAction): Promise<ActionOutcome> {
  const target = `${lb.backend}/${lb.server}`;
  if (action.type === "set-weight") {
    const { weight } = action.params;
    await runtimeChange(lb.socket, `set server ${target} weight ${weight}`);
    return { status: "done", detail: `HAProxy ${target} weight ${weight}` };
  }
  const drain = action.type === "drain";
  await runtimeChange(lb.socket, `set server ${target} state ${drain ? "drain" : "ready"}`);
  const now = drain ? "draining: no new sessions, open ones finish" : "ready";
  return { status: "done", detail: `HAProxy ${target} ${now}` };
}
