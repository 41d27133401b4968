// `npm start` runs the control loop in the launcher and the web server as its child: once a second
// the launcher tells the child, over their IPC channel, that the loop is alive (its mode, and any
// task stuck), so the web server can answer GET /api/health/live for both without the database.
import type { ChildProcess } from "node:child_process";
import { z } from "zod";
import type { Control } from "../control/control.ts";

export const PULSE_EVERY_MS = 1_000;
/** A task overdue by this much is stuck: longer than any run of a working loop, a retention sweep included. */
export const TASK_GRACE_MS = 120_000;

export const pulseSchema = z.object({
  kind: z.literal("haops.control-pulse"),
  mode: z.enum(["leader", "follower", "detached"]),
  stalled: z.array(z.string().max(100)).max(50),
});

export type Pulse = z.infer<typeof pulseSchema>;

export function sendPulses(child: ChildProcess, control: Pick<Control, "mode" | "stalled">): () => void {
  const send = () => {
    if (!child.connected) return;
    const pulse: Pulse = { kind: "haops.control-pulse", mode: control.mode(), stalled: control.stalled(TASK_GRACE_MS) };
    // A child exiting meanwhile fails the send; its exit is handled where the launcher awaits it.
    child.send(pulse, () => undefined);
  };
  send();
  const timer = setInterval(send, PULSE_EVERY_MS);
  return () => clearInterval(timer);
}
