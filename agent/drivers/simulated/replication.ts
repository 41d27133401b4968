// Replication lag of a simulated standby, as PostgreSQL reports it: a drifting baseline, rare spikes
// that decay, steady growth under a `lag` fault. A standby whose upstream is gone replays what it
// received and then reports 0 B and 0 s, like a caught-up PostgreSQL standby (what it never
// received is the primary's side of the story, in the samples taken before the loss).
import { gaussian } from "./noise.ts";

const KiB = 1024;
const APPLY_BYTES_PER_SEC = 8 * 1024 * 1024;

export class LagModel {
  private baseBytes: number;
  private spikeBytes = 0;
  private faultBytes = 0;
  private upstreamLost = false;

  constructor(
    private readonly mode: "sync" | "async" | "quorum",
    private at: number,
  ) {
    this.baseBytes = this.typical();
  }

  private typical() {
    return this.mode === "sync" ? 4 * KiB : 96 * KiB;
  }

  /** Moves the model to `now`; `growBytesPerSec` is set while a lag fault is active. */
  advance(now: number, growBytesPerSec: number | null, upstreamReachable: boolean) {
    const seconds = Math.max(0, (now - this.at) / 1000);
    this.at = now;
    const typical = this.typical();
    this.baseBytes = Math.max(0, this.baseBytes + (typical - this.baseBytes) * 0.2 + typical * 0.3 * gaussian());
    this.spikeBytes *= Math.exp(-seconds / 4);
    if (this.mode !== "sync" && Math.random() < 0.01 * seconds) this.spikeBytes += (2 + Math.random() * 10) * 1024 * KiB;
    this.faultBytes = growBytesPerSec === null ? 0 : this.faultBytes + growBytesPerSec * seconds;
    this.upstreamLost = !upstreamReachable;
  }

  bytes(): number {
    if (this.upstreamLost) return 0;
    return Math.round(this.baseBytes + this.spikeBytes + this.faultBytes);
  }

  /** Replay delay: 0 when caught up, never the time since the upstream was last heard from. */
  seconds(): number {
    return this.bytes() / APPLY_BYTES_PER_SEC;
  }
}
