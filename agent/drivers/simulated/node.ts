// One simulated node: believable status documents (checks with noisy latencies, replication lag,
// traffic that follows the weights) from a state that actions change (actions.ts) and faults bend.
import type { SimulatedConfig } from "../../config.ts";
import type { AgentAction, AgentStatus } from "../../protocol.ts";
import type { FaultKind } from "../../protocol-faults.ts";
import type { ActionOutcome, Driver, NodeIdentity, StatusGate } from "../driver.ts";
import { actOn } from "./actions.ts";
import { businessCheck, killedChecks, runningChecks } from "./checks.ts";
import { FaultSet } from "./faults.ts";
import { gaussian, latency, round } from "./noise.ts";
import { LagModel } from "./replication.ts";
import type { SimulatedCluster } from "./world.ts";

const DRAIN_HALF_LIFE_MS = 3_000;

export class SimulatedNode implements Driver {
  readonly name: string;
  // What actions change (actions.ts); the status document reads it.
  role: "primary" | "standby" | "active";
  weight: number;
  upstream: string | undefined;
  readonly mode: SimulatedConfig["replicationMode"];
  trafficState: "ready" | "drain" | "maint" = "ready";
  fenced = false;
  timeline = 1;
  lag: LagModel;
  readonly faults = new FaultSet();
  private connections = 0;

  constructor(
    private readonly identity: NodeIdentity,
    private readonly config: SimulatedConfig,
    readonly cluster: SimulatedCluster,
    /** The clock lag grows by and documents are stamped with: a test moves it instead of sleeping. */
    private readonly now: () => number = Date.now,
  ) {
    this.name = identity.name;
    this.role = config.role;
    this.weight = config.weight;
    this.upstream = config.role === "standby" ? config.upstream : undefined;
    this.mode = config.replicationMode;
    this.lag = new LagModel(this.mode, now());
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
    const now = this.now();
    const errorRate = this.errorRate();
    const appOk = errorRate < 0.5;
    const { agent, node } = this.header();
    const observedAt = new Date(now).toISOString();
    if (this.has("kill")) {
      // The agent answers for a node whose service process is gone: no role it can observe.
      return { agent, node, observedAt, role: "unknown", healthy: false, checks: killedChecks(this.config.system) };
    }
    const business = { role: this.role, fenced: this.fenced, replaying: this.upstreamReachable(), errorRate };
    const status: AgentStatus = {
      agent,
      node,
      observedAt,
      role: this.role,
      healthy: appOk && errorRate < 0.05,
      checks: [...runningChecks(this.config.system, appOk, this.has("slow")), businessCheck(business)],
      peers: this.cluster.peersOf(this).map((peer) => {
        const reachable = this.cluster.reachable(this, peer);
        const far = peer.identity.region !== this.identity.region;
        return reachable
          ? { node: peer.name, reachable, latencyMs: round(latency(far ? 80 : 0.8, 0.1)) }
          : { node: peer.name, reachable };
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
        this.trafficState === "ready"
          ? Math.round(Math.max(0, requestsPerSec) * 0.04)
          : Math.floor(this.connections * 0.5 ** (1_000 / DRAIN_HALF_LIFE_MS));
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

  private header(): Pick<AgentStatus, "agent" | "node"> {
    const { agentId, region, zone } = this.identity;
    return { agent: { id: agentId, version: "1.0.0-sim" }, node: { name: this.name, region, zone } };
  }

  async act(action: AgentAction): Promise<ActionOutcome> {
    return actOn(this, action, this.now());
  }
}
