// Replication lag of a simulated standby: a drifting baseline, rare spikes that decay, steady
// growth under a `lag` fault, and a frozen byte lag with growing seconds while its upstream is gone.
import { gaussian } from "./noise.ts";

const KiB = 1024;
const APPLY_BYTES_PER_SEC = 8 * 1024 * 1024;

export class LagModel {
  private baseBytes: number;
  private spikeBytes = 0;
  private faultBytes = 0;
  private upstreamLostAt: number | null = null;
  private frozenBytes = 0;

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
    if (upstreamReachable) this.upstreamLostAt = null;
    else if (this.upstreamLostAt === null) {
      this.frozenBytes = this.bytes();
      this.upstreamLostAt = now;
    }
  }

  bytes(): number {
    if (this.upstreamLostAt !== null) return this.frozenBytes;
    return Math.round(this.baseBytes + this.spikeBytes + this.faultBytes);
  }

  seconds(now: number): number {
    const behind = this.bytes() / APPLY_BYTES_PER_SEC;
    return this.upstreamLostAt === null ? behind : behind + (now - this.upstreamLostAt) / 1000;
  }
}
