// Replication lag of a simulated standby, as PostgreSQL reports it: a drifting baseline, rare spikes
// that decay, steady growth under a `lag` fault (a slow replay). A standby whose upstream is gone
// still owes the backlog it received and has not replayed; the rest (in flight, never received) it
// cannot know of, so it is not reported: what was at risk is in the samples taken before the loss.
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
    if (this.mode !== "sync" && Math.random() < 0.01 * seconds)
      this.spikeBytes += (2 + Math.random() * 10) * 1024 * KiB;
    // Nothing new arrives from a lost upstream: the backlog stops growing.
    if (growBytesPerSec === null) this.faultBytes = 0;
    else if (upstreamReachable) this.faultBytes += growBytesPerSec * seconds;
    this.upstreamLost = !upstreamReachable;
  }

  bytes(): number {
    if (this.upstreamLost) return Math.round(this.faultBytes);
    return Math.round(this.baseBytes + this.spikeBytes + this.faultBytes);
  }

  /** Replay delay: 0 when caught up, never the time since the upstream was last heard from. */
  seconds(): number {
    return this.bytes() / APPLY_BYTES_PER_SEC;
  }
}
