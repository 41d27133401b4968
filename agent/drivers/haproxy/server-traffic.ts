// One server of a load-balanced backend as HAProxy sees it and as an operator changes it: its
// weight, state, sessions and request rate; drain, undrain and set-weight over the runtime API.
import type { AgentStatus } from "../../protocol.ts";
import type { ActionOutcome } from "../driver.ts";
import { runtimeChange, showStat } from "./runtime-api.ts";

export interface HaproxyServer {
  socket: string;
  backend: string;
  server: string;
}

const STATE: Record<string, "ready" | "drain" | "maint"> = { MAINT: "maint", DRAIN: "drain" };

export async function serverTraffic(lb: HaproxyServer): Promise<NonNullable<AgentStatus["traffic"]> | null> {
  const stat = (await showStat(lb.socket)).find((s) => s.backend === lb.backend && s.server === lb.server);
  if (!stat) return null;
  const state = STATE[stat.status.split(" ")[0]!] ?? (stat.status.startsWith("MAINT") ? "maint" : "ready");
  return { weight: Math.min(256, stat.weight), state, activeConnections: stat.currentSessions, requestsPerSec: stat.requestRate ?? stat.sessionRate };
}

export async function trafficAction(lb: HaproxyServer, type: "drain" | "undrain" | "set-weight", params: Record<string, unknown>): Promise<ActionOutcome> {
  const target = `${lb.backend}/${lb.server}`;
  if (type === "set-weight") {
    const weight = params.weight;
    if (typeof weight !== "number" || !Number.isInteger(weight) || weight < 0 || weight > 256) return { status: "failed", detail: "params.weight must be an integer from 0 to 256" };
    await runtimeChange(lb.socket, `set server ${target} weight ${weight}`);
    return { status: "done", detail: `HAProxy ${target} weight ${weight}` };
  }
  await runtimeChange(lb.socket, `set server ${target} state ${type === "drain" ? "drain" : "ready"}`);
  return { status: "done", detail: `HAProxy ${target} ${type === "drain" ? "draining: no new sessions, open ones finish" : "ready"}` };
}
