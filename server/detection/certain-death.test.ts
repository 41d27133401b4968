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

  const refusedTitle =
    "is DOWN at once when its agent is silent and every fresh peer is refused at its port; a timeout still waits";
  it(refusedTitle, () => {
    const seen = (refused: boolean) =>
      status("s", { role: "standby", peers: [{ node: "p", reachable: false, ...(refused ? { refused } : {}) }] });
    const lost = { ok: false as const, error: "connection refused", latencyMs: 1 };

    const cut = detector(cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")]));
    cut.d.observe("s", { ok: true, status: seen(false), latencyMs: 1 }, 1);
    cut.d.observe("p", lost, 2);
    expect(cut.d.node("p")?.state).toBe("SUSPECT");

    const { d, events } = detector(cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")]));
    d.observe("s", { ok: true, status: seen(true), latencyMs: 1 }, 1);
    d.observe("p", lost, 2);
    expect(d.node("p")).toMatchObject({ state: "DOWN", confirmedDown: true, isolated: false });
    expect(events[0]?.summary).toBe(
      "p (primary) is down: connection refused, and nothing listens on its port for its peers; " +
        "no need to wait for 2 polls; confirmed by 1/1 peers",
    );
  });

  it("waits for the threshold while only some of its peers are refused", () => {
    const peersSay = (name: string, refused: boolean) =>
      status(name, { role: "standby", peers: [{ node: "p", reachable: !refused, ...(refused ? { refused } : {}) }] });
    const nodes = [node("p", "PRIMARY"), node("s", "STANDBY"), node("t", "STANDBY")];
    const { d } = detector(cluster("ACTIVE_PASSIVE", nodes));
    d.observe("s", { ok: true, status: peersSay("s", true), latencyMs: 1 }, 1);
    d.observe("t", { ok: true, status: peersSay("t", false), latencyMs: 1 }, 1);
    d.observe("p", { ok: false, error: "connection refused", latencyMs: 1 }, 2);
    expect(d.node("p")?.state).toBe("SUSPECT");
  });

  it("is DOWN at the end of the round when a peer polled after it is the one refused at its port", () => {
    const { d, types } = detector(cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")]));
    d.observe("p", { ok: false, error: "connection refused", latencyMs: 1 }, 1);
    expect(d.node("p")?.state).toBe("SUSPECT");
    const refused = status("s", { role: "standby", peers: [{ node: "p", reachable: false, refused: true }] });
    d.observe("s", { ok: true, status: refused, latencyMs: 1 }, 2);
    d.evaluate("c", 2);
    expect(d.node("p")).toMatchObject({ state: "DOWN", confirmedDown: true });
    expect(types()).toEqual(["node.suspect", "node.down"]);
  });
});
