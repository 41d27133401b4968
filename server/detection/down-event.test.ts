import { describe, expect, it } from "vitest";
import { Detector } from "./detector.ts";
import { downEvent } from "./down-event.ts";
import type { EventRow } from "./events.ts";
import { cluster as baseCluster, node } from "./fixtures.ts";
import type { FleetNode, NodeRuntime } from "./fleet.ts";
import { byOwnAgent, peerVerdict } from "./peer-verdict.ts";

// The down event reads the cluster's detection settings only; budgets and alert levels play no part.
const cluster = (nodes: FleetNode[]) => baseCluster("ACTIVE_PASSIVE", nodes);

/** The primary `p` after its second failed poll. */
const down = (extra: Partial<NodeRuntime> = {}): NodeRuntime => ({
  ...node("p", "PRIMARY"),
  clusterId: "c",
  state: "DOWN",
  failures: 2,
  status: null,
  statusAt: 0,
  lastError: "timeout",
  serviceStreak: 0,
  badDocument: false,
  gone: false,
  refusedByPeers: false,
  claimingSince: null,
  ...extra,
});

describe("downEvent", () => {
  const settings = cluster([]);
  const confirmed = peerVerdict([{ reachable: false }]);

  it("says why a node went down, and stays node.down even when the peers confirm it at once", () => {
    expect(downEvent("went-down", settings, down(), confirmed, 0)).toMatchObject({
      type: "node.down",
      severity: "CRITICAL",
      summary: "p (primary) is down: 2 polls failed in a row (timeout); confirmed by 1/1 peers",
      details: { confirmedDown: true, boundMs: 2500, failures: 2, error: "timeout" },
    });
    const gone = down({ gone: true, lastError: "the agent reports the service gone" });
    expect(downEvent("went-down", settings, gone, byOwnAgent(1), 0).summary).toBe(
      "p (primary) is down: the agent reports the service gone; no need to wait for 2 polls; " +
        "confirmed by its own agent",
    );
  });

  it("names a later verdict by what the peers now say", () => {
    expect(downEvent("verdict-changed", settings, down(), confirmed, 0)).toMatchObject({
      type: "node.confirmed_down",
      summary: "p (primary) is down, confirmed by 1/1 peers",
    });
    expect(downEvent("verdict-changed", settings, down(), peerVerdict([{ reachable: undefined }]), 0)).toMatchObject({
      type: "node.down",
      summary: "p (primary) is down, not confirmed: 0/1 peers report it unreachable",
    });
  });

  it("calls a node the peers still reach isolated, whichever the occasion", () => {
    const reached = peerVerdict([{ reachable: true }]);
    for (const news of ["went-down", "verdict-changed"] as const) {
      expect(downEvent(news, settings, down({ role: "STANDBY" }), reached, 0)).toMatchObject({
        type: "node.isolated",
        severity: "WARNING",
        summary: "p (standby) is isolated: the console cannot reach it but 1/1 peers still reach it; no failover",
      });
    }
  });
});

describe("a DOWN node's verdict over time", () => {
  it("goes down unconfirmed, is confirmed by fresh peers, and unconfirmed again once their word is stale", () => {
    const events: EventRow[] = [];
    const sink = { sample: () => undefined, node: () => undefined, cluster: () => undefined };
    const d = new Detector({ ...sink, event: (e) => events.push(e) });
    d.sync([cluster([node("p", "PRIMARY"), node("s", "STANDBY"), node("t", "STANDBY")])]);
    const peer = (name: string, at: number) => {
      const status = { agent: { id: name, version: "1" }, node: { name }, observedAt: new Date(0).toISOString() };
      const peers = [{ node: "p", reachable: false }];
      d.observe(name, { ok: true, status: { ...status, role: "standby", healthy: true, peers }, latencyMs: 1 }, at);
    };
    d.observe("p", { ok: false, error: "timeout", latencyMs: null }, 1000);
    d.observe("p", { ok: false, error: "timeout", latencyMs: null }, 2000);
    peer("s", 2000);
    peer("t", 2000);
    d.evaluate("c", 2000);
    // Fresh for two intervals and a timeout (2500 ms here): still confirmed at 4500, no longer at 4501.
    d.evaluate("c", 4500);
    d.evaluate("c", 4501);
    expect(events.map((e) => [e.type, e.summary])).toEqual([
      ["node.suspect", "p (primary) missed a poll (timeout); suspect, 1/2 failures"],
      [
        "node.down",
        "p (primary) is down: 2 polls failed in a row (timeout); not confirmed: 0/2 peers report it unreachable",
      ],
      ["node.confirmed_down", "p (primary) is down, confirmed by 2/2 peers"],
      ["node.down", "p (primary) is down, not confirmed: 0/2 peers report it unreachable"],
    ]);
  });
});
