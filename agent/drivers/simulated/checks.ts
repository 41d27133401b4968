// The checks a simulated node reports, named as on the real system it stands for, with believable
// latencies: the layers of a healthy node, its business check by role, and a killed node's.
import type { SimulatedConfig } from "../../config.ts";
import type { AgentStatus } from "../../protocol.ts";
import { latency, round } from "./noise.ts";

type Check = NonNullable<AgentStatus["checks"]>[number];
type System = SimulatedConfig["system"];

const PROCESS_CHECK = { postgresql: "postmaster", redis: "redis-server", http: "service" } as const;
const APP_CHECK = { postgresql: "sql", redis: "ping", http: "http /healthz" } as const;

/** Network, process and application layers of a node whose service runs. */
export function runningChecks(system: System, appOk: boolean, slow: boolean): Check[] {
  return [
    { layer: "network", name: "tcp", ok: true, latencyMs: round(latency(0.4)) },
    { layer: "process", name: PROCESS_CHECK[system], ok: true, latencyMs: round(latency(0.2)) },
    { layer: "application", name: APP_CHECK[system], ok: appOk, latencyMs: round(latency(slow ? 900 : 2.2)) },
  ];
}

/** What the agent of a node whose service process is gone sees: nothing listening, the process gone. */
export function killedChecks(system: System): Check[] {
  const process = PROCESS_CHECK[system];
  return [
    { layer: "network", name: "tcp", ok: false, detail: "connection refused" },
    { layer: "process", name: process, ok: false, detail: `no ${process} running`, gone: true },
  ];
}

interface BusinessState {
  role: "primary" | "standby" | "active";
  fenced: boolean;
  replaying: boolean;
  errorRate: number;
}

/** A primary takes writes (unless fenced), a standby replays, an active node serves its checkout flow. */
export function businessCheck({ role, fenced, replaying, errorRate }: BusinessState): Check {
  if (role === "primary") {
    return fenced
      ? { layer: "business", name: "writable", ok: false, detail: "fenced: writes are refused" }
      : { layer: "business", name: "writable", ok: true, latencyMs: round(latency(3.5)) };
  }
  if (role === "standby") {
    return { layer: "business", name: "replaying", ok: replaying, latencyMs: round(latency(1.1)) };
  }
  return { layer: "business", name: "checkout flow", ok: errorRate < 0.05, latencyMs: round(latency(45)) };
}
