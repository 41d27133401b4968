// What the leader has decided but not yet stored: samples, node states, cluster flags and events.
// Bounded: past the bound the oldest samples (then events) are dropped and counted, so a long
// database outage costs history, never the console's memory.
import type { EventRow } from "../detection/events.ts";
import type { FleetCluster, NodeRuntime } from "../detection/fleet.ts";
import type { SampleRow } from "../detection/sample.ts";
import type { DetectionSink } from "../detection/sink.ts";

export interface NodeRow {
  id: string;
  role: string;
  reportedRole: string;
  needsRejoin: boolean;
  state: string;
  consecutiveFailures: number;
  confirmedDown: boolean;
  isolated: boolean;
  lagOver: boolean;
  degraded: boolean;
  stateChangedAt: string | null;
  lastSeenAt: string | null;
  lastStatus: unknown;
  weight: number | null;
  trafficState: string | null;
  replicationMode: string | null;
  upstreamName: string | null;
}

export interface ClusterRow {
  id: string;
  splitBrain: boolean;
  imbalanced: boolean;
}

export interface Batch {
  samples: SampleRow[];
  nodes: NodeRow[];
  clusters: ClusterRow[];
  events: EventRow[];
}

export interface BufferLimits {
  samples: number;
  events: number;
}

function nodeRow(node: NodeRuntime): NodeRow {
  const status = node.status;
  // A push-only node's report endpoint writes its status as it arrives; the leader's copy is older.
  const polled = node.agentUrl !== null;
  return {
    id: node.id,
    role: node.role,
    reportedRole: node.reportedRole,
    needsRejoin: node.needsRejoin,
    state: node.state,
    consecutiveFailures: node.failures,
    confirmedDown: node.confirmedDown,
    isolated: node.isolated,
    lagOver: node.lagOver,
    degraded: node.degraded,
    stateChangedAt: node.stateChangedAt?.toISOString() ?? null,
    lastSeenAt: polled ? (node.lastSeenAt?.toISOString() ?? null) : null,
    lastStatus: polled ? status : null,
    weight: status?.traffic?.weight ?? null,
    trafficState: status?.traffic?.state?.toUpperCase() ?? null,
    replicationMode: status?.replication?.mode?.toUpperCase() ?? null,
    upstreamName: status?.replication?.upstream ?? null,
  };
}

export class WriteBuffer implements DetectionSink {
  private samples: SampleRow[] = [];
  private events: EventRow[] = [];
  private nodes = new Map<string, NodeRow>();
  private clusters = new Map<string, ClusterRow>();
  droppedSamples = 0;
  droppedEvents = 0;

  /** `onEvent` hears each event as it is buffered: a lost primary should not wait for the next flush. */
  constructor(
    private readonly limits: BufferLimits,
    private readonly onEvent: (event: EventRow) => void = () => undefined,
  ) {}

  sample(row: SampleRow) {
    this.samples.push(row);
    this.trim();
  }

  node(node: NodeRuntime) {
    this.nodes.set(node.id, nodeRow(node));
  }

  cluster(cluster: FleetCluster) {
    this.clusters.set(cluster.id, { id: cluster.id, splitBrain: cluster.splitBrain, imbalanced: cluster.imbalanced });
  }

  event(event: EventRow) {
    this.events.push(event);
    this.trim();
    this.onEvent(event);
  }

  get pending(): number {
    return this.samples.length + this.events.length + this.nodes.size + this.clusters.size;
  }

  get pendingSamples(): number {
    return this.samples.length;
  }

  /** Everything buffered, oldest first; the buffer is empty afterwards. */
  take(): Batch {
    const batch = {
      samples: this.samples,
      nodes: [...this.nodes.values()],
      clusters: [...this.clusters.values()],
      events: this.events,
    };
    this.samples = [];
    this.events = [];
    this.nodes = new Map();
    this.clusters = new Map();
    return batch;
  }

  /** A batch that could not be stored goes back in front of what arrived meanwhile. */
  putBack(batch: Batch) {
    this.samples = [...batch.samples, ...this.samples];
    this.events = [...batch.events, ...this.events];
    for (const row of batch.nodes) if (!this.nodes.has(row.id)) this.nodes.set(row.id, row);
    for (const row of batch.clusters) if (!this.clusters.has(row.id)) this.clusters.set(row.id, row);
    this.trim();
  }

  /** Forgets everything (another instance leads now); counts what is lost. */
  discard() {
    this.droppedSamples += this.samples.length;
    this.droppedEvents += this.events.length;
    this.take();
  }

  private trim() {
    if (this.samples.length > this.limits.samples) {
      const excess = this.samples.length - this.limits.samples;
      this.samples.splice(0, excess);
      this.droppedSamples += excess;
    }
    if (this.events.length > this.limits.events) {
      const excess = this.events.length - this.limits.events;
      this.events.splice(0, excess);
      this.droppedEvents += excess;
    }
  }
}
