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

  private async round(clusterId: string) {
    const { detector } = this.deps;
    const cluster = detector.cluster(clusterId);
    if (!cluster) return;
    const polls = detector.nodesOf(clusterId).map(async (node) => {
      if (this.inFlight.has(node.id)) return;
      this.inFlight.add(node.id);
      try {
        const result = await this.deps.poll(node, cluster.timeoutMs);
        if (result) detector.observe(node.id, result, this.now());
      } finally {
        this.inFlight.delete(node.id);
      }
    });
    await Promise.all(polls);
    detector.evaluate(clusterId, this.now());
  }
}
