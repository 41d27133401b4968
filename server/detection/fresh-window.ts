// How long a node's last status still says how things are now: two poll intervals and a timeout,
// so one late or lost poll does not silence a peer's word, while an older one no longer counts.
import type { DetectionSettings } from "./bound.ts";
import type { NodeRuntime } from "./fleet.ts";

type Cadence = Pick<DetectionSettings, "intervalMs" | "timeoutMs">;

export const freshWindowMs = (s: Cadence) => 2 * s.intervalMs + s.timeoutMs;

/** A node that is not DOWN and whose status came within the fresh window before `at`. */
export const speaksFresh = (node: NodeRuntime, at: number, s: Cadence) =>
  node.status !== null && node.state !== "DOWN" && at - node.statusAt <= freshWindowMs(s);
