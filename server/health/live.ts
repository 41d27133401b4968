// Liveness for orchestrators (GET /api/health/live): this process answers, and the control loop of
// the launcher that started it said lately that its tasks run. The database is not asked: a
// console whose database is away is not ready (/api/health) but must not be restarted for it.
import { duration } from "../../lib/format.ts";
import { type Pulse, pulseSchema } from "./control-pulse.ts";

/** Ten missed pulses: the launcher is wedged (or paused), not merely busy. */
export const PULSE_STALE_MS = 10_000;

export interface Liveness {
  status: "ok" | "down";
  /**
   * The control loop's mode, or why it counts as dead; "none" when no launcher started this web
   * server (no control loop beside it to judge).
   */
  control: Pulse["mode"] | "starting" | "none" | "silent" | "stalled" | "gone";
  reason?: string;
  checkedAt: string;
}

/** The parent side of an IPC channel, as `process` has it in a child spawned with one. */
export interface PulseChannel {
  send?: unknown;
  on(event: "message", listener: (message: unknown) => void): unknown;
  on(event: "disconnect", listener: () => void): unknown;
}

export class ControlPulses {
  private launched = false;
  private gone = false;
  private heardAt = 0;
  private pulse: Pulse | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  listen(channel: PulseChannel) {
    if (!channel.send || this.launched) return;
    this.launched = true;
    this.heardAt = this.now();
    channel.on("message", (message) => {
      const parsed = pulseSchema.safeParse(message);
      if (!parsed.success) return;
      this.pulse = parsed.data;
      this.heardAt = this.now();
    });
    channel.on("disconnect", () => {
      this.gone = true;
    });
  }

  liveness(): Liveness {
    const now = this.now();
    const checkedAt = new Date(now).toISOString();
    if (!this.launched) return { status: "ok", control: "none", checkedAt };
    if (this.gone)
      return { status: "down", control: "gone", reason: "the launcher running the control loop exited", checkedAt };
    const silence = now - this.heardAt;
    if (silence > PULSE_STALE_MS)
      return {
        status: "down",
        control: "silent",
        reason: `no word from the control loop for ${duration(silence)}`,
        checkedAt,
      };
    if (this.pulse?.stalled.length)
      return { status: "down", control: "stalled", reason: `tasks stuck: ${this.pulse.stalled.join(", ")}`, checkedAt };
    return { status: "ok", control: this.pulse?.mode ?? "starting", checkedAt };
  }
}

const KEY = Symbol.for("haops.control-pulses");
const holder = globalThis as typeof globalThis & { [KEY]?: ControlPulses };

/** This process's one listener: Next.js bundles instrumentation and the route apart, each with its own module copy. */
export function controlPulses(): ControlPulses {
  holder[KEY] ??= new ControlPulses();
  return holder[KEY];
}
