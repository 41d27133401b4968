import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { ControlPulses, PULSE_STALE_MS } from "./live.ts";

const pulse = (mode: string, stalled: string[] = []) => ({ kind: "haops.control-pulse", mode, stalled });

function launched() {
  let clock = 1_000_000;
  const channel = Object.assign(new EventEmitter(), { send: () => true });
  const pulses = new ControlPulses(() => clock);
  pulses.listen(channel);
  return { pulses, channel, later: (ms: number) => (clock += ms) };
}

describe("ControlPulses", () => {
  it("is alive with no control loop to judge when no launcher started the process", () => {
    const pulses = new ControlPulses();
    pulses.listen(new EventEmitter());
    expect(pulses.liveness()).toMatchObject({ status: "ok", control: "none" });
  });

  it("is alive in the mode the last pulse said, starting until the first, detached included", () => {
    const { pulses, channel } = launched();
    expect(pulses.liveness()).toMatchObject({ status: "ok", control: "starting" });
    channel.emit("message", pulse("leader"));
    expect(pulses.liveness()).toMatchObject({ status: "ok", control: "leader" });
    channel.emit("message", pulse("detached"));
    expect(pulses.liveness()).toMatchObject({ status: "ok", control: "detached" });
  });

  it("ignores a message that is not a pulse", () => {
    const { pulses, channel } = launched();
    channel.emit("message", pulse("leader"));
    channel.emit("message", { nextServerReady: true });
    channel.emit("message", pulse("boss"));
    expect(pulses.liveness().control).toBe("leader");
  });

  it("is down when the loop says a task is stuck, and alive again when it no longer does", () => {
    const { pulses, channel } = launched();
    channel.emit("message", pulse("leader", ["Actions", "Webhooks"]));
    expect(pulses.liveness()).toMatchObject({
      status: "down",
      control: "stalled",
      reason: "tasks stuck: Actions, Webhooks",
    });
    channel.emit("message", pulse("leader"));
    expect(pulses.liveness().status).toBe("ok");
  });

  it("is down when the pulses stop, and when the launcher's channel closes", () => {
    const { pulses, channel, later } = launched();
    channel.emit("message", pulse("follower"));
    later(PULSE_STALE_MS);
    expect(pulses.liveness().status).toBe("ok");
    later(1_500);
    expect(pulses.liveness()).toMatchObject({ status: "down", control: "silent", reason: /for 12 s$/ });
    channel.emit("message", pulse("follower"));
    channel.emit("disconnect");
    expect(pulses.liveness()).toMatchObject({ status: "down", control: "gone" });
  });
});
