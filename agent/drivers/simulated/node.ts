// One simulated node: believable status documents (checks with noisy latencies, replication lag,
// traffic that follows the weights), roles that change on promote/demote, and injectable faults.
import type { SimulatedConfig } from "../../config.ts";
import type { AgentActionRequest, AgentStatus } from "../../protocol.ts";
import type { ActionOutcome, Driver, StatusGate } from "../driver.ts";
import { faultSchema, FAULT_KINDS, type Fault, type FaultKind } from "./faults.ts";
import { gaussian, latency, round } from "./noise.ts";
import { LagModel } from "./replication.ts";
import type { SimulatedCluster } from "./world.ts";

const PROCESS_CHECK = { postgresql: "postmaster", redis: "redis-server", http: "service" } as const;
const APP_CHECK = { postgresql: "sql", redis: "ping", http: "http /healthz" } as const;
const DRAIN_HALF_LIFE_MS = 3_000;

export interface SimulatedIdentity {
  agentId: string;
  name: string;
  region?: string;
  zone?: string;
}

export class SimulatedNode implements Driver {
  readonly name: string;
  role: "primary" | "standby" | "active";
  weight: number;
  private upstream: string | undefined;
  private readonly mode: SimulatedConfig["replicationMode"];
  private trafficState: "ready" | "drain" | "maint" = "ready";
  private fenced = false;
  private timeline = 1;
  private lag: LagModel;
  private readonly faults = new Map<FaultKind, Fault>();
  private connections = 0;

  constructor(
    private readonly identity: SimulatedIdentity,
    private readonly config: SimulatedConfig,
    private readonly cluster: SimulatedCluster,
  ) {
    this.name = identity.name;
    this.role = config.role;
    this.weight = config.weight;
    this.upstream = config.role === "standby" ? config.upstream : undefined;
    this.mode = config.replicationMode;
    this.lag = new LagModel(this.mode, Date.now());
    cluster.add(this);
  }

  async processGone(): Promise<boolean> {
    return this.has("kill");
  }

  has(kind: FaultKind): boolean {
    return this.faults.has(kind);
  }

  partitionedFromPeers(): boolean {
    const partition = this.faults.get("partition");
    return partition?.kind === "partition" && partition.side !== "console";
  }

  serving(): boolean {
    return this.role === "active" && this.trafficState === "ready" && !this.has("crash") && !this.has("kill");
  }

  gate(): StatusGate {
    const partition = this.faults.get("partition");
    if (this.has("crash") || (partition?.kind === "partition" && partition.side !== "peers")) return { kind: "drop" };
    const slow = this.faults.get("slow");
    return slow?.kind === "slow" ? { kind: "delay", ms: slow.delayMs } : { kind: "answer" };
  }

  private errorRate(): number {
    const errors = this.faults.get("errors");
    if (errors?.kind === "errors") return round(Math.min(1, Math.max(0, errors.rate * (1 + 0.1 * gaussian()))), 4);
    return round(Math.max(0, 0.0008 * (1 + 0.5 * gaussian())), 5);
  }

  private upstreamReachable(): boolean {
    const upstream = this.upstream ? this.cluster.nodes.get(this.upstream) : undefined;
    return !upstream || (this.cluster.reachable(this, upstream) && upstream.role === "primary");
  }

  async status(): Promise<AgentStatus> {
    const now = Date.now();
    const system = this.config.system;
    const errorRate = this.errorRate();
    const appOk = errorRate < 0.5;
    if (this.has("kill")) return this.killedStatus(now);
    const checks: NonNullable<AgentStatus["checks"]> = [
      { layer: "network", name: "tcp", ok: true, latencyMs: round(latency(0.4)) },
      { layer: "process", name: PROCESS_CHECK[system], ok: true, latencyMs: round(latency(0.2)) },
      { layer: "application", name: APP_CHECK[system], ok: appOk, latencyMs: round(latency(this.has("slow") ? 900 : 2.2)) },
      this.businessCheck(errorRate),
    ];
    const status: AgentStatus = {
      agent: { id: this.identity.agentId, version: "1.0.0-sim" },
      node: { name: this.name, region: this.identity.region, zone: this.identity.zone },
      observedAt: new Date(now).toISOString(),
      role: this.role,
      healthy: appOk && errorRate < 0.05,
      checks,
      peers: this.cluster.peersOf(this).map((peer) => {
        const reachable = this.cluster.reachable(this, peer);
        const far = peer.identity.region !== this.identity.region;
        return reachable ? { node: peer.name, reachable, latencyMs: round(latency(far ? 80 : 0.8, 0.1)) } : { node: peer.name, reachable };
      }),
    };
    if (this.role === "standby") {
      const lag = this.faults.get("lag");
      this.lag.advance(now, lag?.kind === "lag" ? lag.bytesPerSec : null, this.upstreamReachable());
      // An upstream that takes no writes (demoted on purpose, or fenced) makes no lag: once
      // replayed, nothing is behind.
      const upstream = this.upstream ? this.cluster.nodes.get(this.upstream) : undefined;
      const idle = upstream !== undefined && (upstream.role === "standby" || upstream.fenced);
      const caughtUp = idle && this.cluster.reachable(this, upstream) && !this.faults.has("lag");
      status.replication = {
        upstream: this.upstream,
        mode: this.mode,
        lagBytes: caughtUp ? 0 : this.lag.bytes(),
        lagSeconds: caughtUp ? 0 : round(this.lag.seconds(), 3),
        timeline: this.timeline,
      };
    } else if (this.role === "primary") {
      status.replication = { timeline: this.timeline };
    }
    if (this.role === "active") {
      const requestsPerSec = this.cluster.requestsPerSec * this.cluster.trafficShare(this) * (1 + 0.04 * gaussian());
      this.connections =
        this.trafficState === "ready" ? Math.round(Math.max(0, requestsPerSec) * 0.04) : Math.floor(this.connections * 0.5 ** (1_000 / DRAIN_HALF_LIFE_MS));
      status.traffic = {
        weight: this.weight,
        state: this.trafficState,
        activeConnections: this.connections,
        requestsPerSec: round(Math.max(0, requestsPerSec), 1),
        errorRate,
      };
      status.capacity = { maxRequestsPerSec: this.config.maxRequestsPerSec };
    }
    return status;
  }

  /** What the agent of a node whose service process is gone says: no role it can observe, the process gone. */
  private killedStatus(now: number): AgentStatus {
    const process = PROCESS_CHECK[this.config.system];
    return {
      agent: { id: this.identity.agentId, version: "1.0.0-sim" },
      node: { name: this.name, region: this.identity.region, zone: this.identity.zone },
      observedAt: new Date(now).toISOString(),
      role: "unknown",
      healthy: false,
      checks: [
        { layer: "network", name: "tcp", ok: false, detail: "connection refused" },
        { layer: "process", name: process, ok: false, detail: `no ${process} running`, gone: true },
      ],
    };
  }

  private businessCheck(errorRate: number): NonNullable<AgentStatus["checks"]>[number] {
    if (this.role === "primary") {
      return this.fenced
        ? { layer: "business", name: "writable", ok: false, detail: "fenced: writes are refused" }
        : { layer: "business", name: "writable", ok: true, latencyMs: round(latency(3.5)) };
    }
    if (this.role === "standby") return { layer: "business", name: "replaying", ok: this.upstreamReachable(), latencyMs: round(latency(1.1)) };
    return { layer: "business", name: "checkout flow", ok: errorRate < 0.05, latencyMs: round(latency(45)) };
  }

  async act({ type, params }: AgentActionRequest): Promise<ActionOutcome> {
    const activeOnly = (run: () => ActionOutcome): ActionOutcome =>
      this.role === "active" ? run() : { status: "unsupported", detail: `${type} applies to load-balanced (active) nodes only` };
    const replicated = (run: () => ActionOutcome): ActionOutcome =>
      this.role === "active" ? { status: "unsupported", detail: `${type} applies to primary/standby nodes only` } : run();
    switch (type) {
      case "promote":
        return replicated(() => {
          if (this.role === "primary") return { status: "done", detail: `already primary on timeline ${this.timeline}` };
          this.role = "primary";
          this.upstream = undefined;
          this.timeline++;
          return { status: "done", detail: `promoted to primary on timeline ${this.timeline}` };
        });
      case "demote":
        return replicated(() => {
          const upstream = typeof params.upstream === "string" ? params.upstream : this.cluster.primaryOtherThan(this);
          this.role = "standby";
          // Like PostgreSQL started as a standby: read-only by role, the fence's setting dropped.
          this.fenced = false;
          this.upstream = upstream;
          this.lag = new LagModel(this.mode, Date.now());
          return { status: "done", detail: upstream ? `standby of ${upstream}` : "standby without an upstream" };
        });
      case "fence":
      case "unfence": {
        if (typeof params.node === "string" && params.node !== this.name) {
          // Another node, off the write path at the (simulated) load balancer.
          const peer = this.cluster.nodes.get(params.node);
          if (!peer) return { status: "failed", detail: `no node ${params.node} in this cluster` };
          peer.fenced = type === "fence";
          return { status: "done", detail: `${params.node} ${type === "fence" ? "taken off" : "put back on"} the write path at the load balancer` };
        }
        this.fenced = type === "fence";
        return { status: "done", detail: this.fenced ? "fenced: writes are refused" : "unfenced: writes are accepted" };
      }
      case "drain":
      case "undrain":
        return activeOnly(() => {
          this.trafficState = type === "drain" ? "drain" : "ready";
          return { status: "done", detail: `traffic state ${this.trafficState}` };
        });
      case "set-weight":
        return activeOnly(() => {
          const weight = params.weight;
          if (typeof weight !== "number" || !Number.isInteger(weight) || weight < 0 || weight > 256) {
            return { status: "failed", detail: "params.weight must be an integer from 0 to 256" };
          }
          this.weight = weight;
          return { status: "done", detail: `weight ${weight}` };
        });
      case "inject-fault":
        return this.inject(params);
      case "clear-fault":
        return this.clear(params.kind);
    }
  }

  private inject(params: Record<string, unknown>): ActionOutcome {
    const parsed = faultSchema.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { status: "failed", detail: `params.${issue?.path.join(".") || "kind"}: ${issue?.message ?? "invalid"} (kinds: ${FAULT_KINDS.join(", ")})` };
    }
    this.faults.set(parsed.data.kind, { ...parsed.data, since: Date.now() });
    return { status: "done", detail: `fault ${parsed.data.kind} injected` };
  }

  private clear(kind: unknown): ActionOutcome {
    if (kind !== undefined && !FAULT_KINDS.includes(kind as FaultKind)) {
      return { status: "failed", detail: `params.kind must be one of ${FAULT_KINDS.join(", ")}` };
    }
    const cleared = kind === undefined ? [...this.faults.keys()] : this.faults.has(kind as FaultKind) ? [kind as FaultKind] : [];
    for (const fault of cleared) this.faults.delete(fault);
    return { status: "done", detail: cleared.length ? `cleared ${cleared.join(", ")}` : "no fault to clear" };
  }
}
