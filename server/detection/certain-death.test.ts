import { describe, expect, it } from "vitest";
import { cluster, detector, node, status } from "./fixtures.ts";

describe("a certain death", () => {
  const certainTitle =
    "is DOWN at once, confirmed by its own agent, when the agent says the process is gone; silence still waits";
  it(certainTitle, () => {
    const { d, events, types } = detector(cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")]));
    d.observe(
      "s",
      { ok: true, status: status("s", { role: "standby", peers: [{ node: "p", reachable: true }] }), latencyMs: 1 },
      1,
    );
    d.observe(
      "p",
      {
        ok: false,
        error: "the agent reports the service gone (postmaster: no postmaster running)",
        latencyMs: 1,
        gone: true,
      },
      2,
    );
    d.evaluate("c", 2);
    expect(d.node("p")).toMatchObject({ state: "DOWN", confirmedDown: true, isolated: false });
    expect(types()).toEqual(["node.down"]);
    expect(events[0]?.summary).toBe(
      "p (primary) is down: the agent reports the service gone (postmaster: no postmaster running); " +
        "no need to wait for 2 polls; confirmed by its own agent",
    );
    d.observe("s", { ok: false, error: "no answer within 500 ms", latencyMs: null }, 3);
    expect(d.node("s")?.state).toBe("SUSPECT");
  });

  const crashingTitle =
    "keeps a crashing primary the primary when its agent, mid-crash, cannot tell its role: its loss is a primary's";
  it(crashingTitle, () => {
    const { d, events } = detector(cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")]));
    // Shutting down: the port still answers but SQL does not, so the agent reports role "unknown".
    const checks = [
      { layer: "application" as const, name: "sql", ok: false, detail: "the database system is shutting down" },
    ];
    d.observe("p", { ok: true, status: status("p", { role: "unknown", healthy: false, checks }), latencyMs: 1 }, 1);
    expect(d.node("p")).toMatchObject({ role: "PRIMARY", reportedRole: "UNKNOWN" });
    d.observe(
      "p",
      {
        ok: false,
        error: "the agent reports the service gone (postmaster: no postmaster running)",
        latencyMs: 1,
        gone: true,
      },
      2,
    );
    expect(d.node("p")).toMatchObject({ role: "PRIMARY", state: "DOWN", confirmedDown: true });
    expect(events.map((e) => e.type)).toEqual(["node.down"]);
    expect(events[0]?.summary).toMatch(/^p \(primary\) is down/);
  });
});
