// Polls every node of every cluster at its cluster's interval, all at once: a node whose last
// poll is still out (a slow agent) is skipped for that round, never waited for.
import type { Detector } from "../detection/detector.ts";
import type { NodeRuntime, PollResult } from "../detection/fleet.ts";
import { every, type ScheduleStats } from "./schedule.ts";

export interface PollerDeps {
  detector: Detector;
  /** null: no evidence either way (e.g. a push-only node while the store is unreachable). */
  poll: (node: NodeRuntime, timeoutMs: number) => Promise<PollResult | null>;
  now?: () => number;
}

interface Running {
  intervalMs: number;
  stop(): void;
  stats: ScheduleStats;
}

export class Poller {
  private readonly schedules = new Map<string, Running>();
  private readonly inFlight = new Set<string>();
  /** Nodes whose agent had news while a poll of them was out. */
  private readonly again = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly deps: PollerDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Starts, restarts or stops a schedule per cluster to match the detector's fleet. */
  sync(clusterIds: string[]) {
    const wanted = new Set(clusterIds);
    for (const [id, running] of this.schedules) {
      const cluster = this.deps.detector.cluster(id);
      if (!wanted.has(id) || !cluster || cluster.intervalMs !== running.intervalMs) {
        running.stop();
        this.schedules.delete(id);
      }
    }
    for (const id of wanted) {
      const cluster = this.deps.detector.cluster(id);
      if (!cluster || this.schedules.has(id)) continue;
      const schedule = every(cluster.intervalMs, () => void this.round(id), this.now);
      this.schedules.set(id, { intervalMs: cluster.intervalMs, ...schedule });
    }
  }

  stop() {
    for (const running of this.schedules.values()) running.stop();
    this.schedules.clear();
  }

  get running(): boolean {
    return this.schedules.size > 0;
  }

  /** The interval of every running schedule. */
  intervals(): number[] {
    return [...this.schedules.values()].map((s) => s.intervalMs);
  }

  stats(): ScheduleStats {
    const all = [...this.schedules.values()].map((s) => s.stats);
    return {
      ticks: all.reduce((sum, s) => sum + s.ticks, 0),
      slipped: all.reduce((sum, s) => sum + s.slipped, 0),
      maxLateMs: Math.max(0, ...all.map((s) => s.maxLateMs)),
    };
  }

  /** Polls one node out of its round (its agent has news), then judges its cluster again. */
  async pollNow(nodeId: string) {
    const node = this.deps.detector.node(nodeId);
    const cluster = node && this.deps.detector.cluster(node.clusterId);
    if (!node || !cluster || !this.schedules.has(cluster.id)) return;
    // A poll already out may have left before the news: ask again once it is back.
    if (this.inFlight.has(node.id)) {
      this.again.add(node.id);
      return;
    }
    await this.pollOne(node, cluster.timeoutMs);
    this.deps.detector.evaluate(cluster.id, this.now());
  }

  private async pollOne(node: NodeRuntime, timeoutMs: number) {
    if (this.inFlight.has(node.id)) return;
    this.inFlight.add(node.id);
    try {
      const result = await this.deps.poll(node, timeoutMs);
      if (result) this.deps.detector.observe(node.id, result, this.now());
    } finally {
      this.inFlight.delete(node.id);
    }
    if (this.again.delete(node.id)) await this.pollNow(node.id);
  }

  private async round(clusterId: string) {
    const { detector } = this.deps;
    const cluster = detector.cluster(clusterId);
    if (!cluster) return;
    await Promise.all(detector.nodesOf(clusterId).map((node) => this.pollOne(node, cluster.timeoutMs)));
    detector.evaluate(clusterId, this.now());
  }
}
