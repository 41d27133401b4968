import { describe, expect, it } from "vitest";
import { cluster, detector, node, status } from "./fixtures.ts";

describe("Detector", () => {
  it("raises and resolves a traffic imbalance against the weights", () => {
    const { d, events, types } = detector(cluster("ACTIVE_ACTIVE", [node("a", "ACTIVE"), node("b", "ACTIVE")]));
    const traffic = (rpsA: number, rpsB: number) => {
      d.observe(
        "a",
        { ok: true, status: status("a", { traffic: { weight: 100, requestsPerSec: rpsA } }), latencyMs: 1 },
        1000,
      );
      d.observe(
        "b",
        { ok: true, status: status("b", { traffic: { weight: 100, requestsPerSec: rpsB } }), latencyMs: 1 },
        1000,
      );
      d.evaluate("c", 1000);
    };
    traffic(500, 500);
    expect(types()).toEqual([]);
    traffic(800, 200);
    expect(events.at(-1)).toMatchObject({
      type: "traffic.imbalance",
      summary: "c: a takes 80% of requests, its weight asks for 50%",
    });
    traffic(520, 480);
    expect(types()).toEqual(["traffic.imbalance", "traffic.balanced"]);
  });

  const degradedTitle =
    "says when a reachable node's service fails its application checks for the failure threshold, " +
    "critical for a primary, and when it serves again";
  it(degradedTitle, () => {
    const { d, events, types } = detector(cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")]));
    const sql = (name: string, ok: boolean, at: number) => {
      const checks = [
        { layer: "network" as const, name: "tcp", ok: true },
        { layer: "application" as const, name: "sql", ok, ...(ok ? {} : { detail: "too many connections" }) },
      ];
      d.observe(
        name,
        { ok: true, status: status(name, { role: name === "p" ? "primary" : "standby", checks }), latencyMs: 1 },
        at,
      );
    };
    // A check that fails every other poll never reaches the threshold (2 here): no storm.
    for (let at = 1; at <= 6; at++) sql("p", at % 2 === 0, at);
    expect(types()).toEqual([]);
    sql("p", false, 7);
    sql("p", false, 8);
    sql("s", false, 8);
    sql("s", false, 9);
    expect(types()).toEqual(["node.degraded", "node.degraded"]);
    expect(events[0]).toMatchObject({
      severity: "CRITICAL",
      summary: "p (primary) answers but its service fails (sql: too many connections)",
    });
    expect(events[1]).toMatchObject({ severity: "WARNING", nodeId: "s" });
    expect(d.node("p")?.state).toBe("HEALTHY");
    // A status without checks says nothing; then two passing polls restore it.
    d.observe("p", { ok: true, status: status("p", { role: "primary" }), latencyMs: 1 }, 10);
    sql("p", true, 11);
    expect(types()).toHaveLength(2);
    sql("p", true, 12);
    expect(events.at(-1)).toMatchObject({
      type: "node.restored",
      severity: "INFO",
      summary: "p (primary) serves again: its application checks pass",
    });
  });

  it("raises lag over the RPO budget for a standby, once, and resolves it", () => {
    const { d, events, types } = detector(cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")]));
    const lag = (lagBytes: number, at: number) =>
      d.observe(
        "s",
        { ok: true, status: status("s", { role: "standby", replication: { lagBytes, lagSeconds: 0 } }), latencyMs: 1 },
        at,
      );
    lag(10, 1);
    lag(5000, 2);
    lag(6000, 3);
    expect(events.at(-1)?.summary).toMatch(/^s replication lag 4\.9 KiB \/ 0 s is over the threshold \(1000 B \/ –\)$/);
    lag(100, 4);
    expect(types()).toEqual(["lag.over", "lag.under"]);
  });

  it("reports a role change and goes SUSPECT then DOWN on failures, naming the error", () => {
    const { d, events, types } = detector(cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")]));
    d.observe("s", { ok: true, status: status("s", { role: "primary" }), latencyMs: 1 }, 1);
    d.observe("p", { ok: false, error: "connection refused", latencyMs: null }, 2);
    d.observe("p", { ok: false, error: "connection refused", latencyMs: null }, 3);
    expect(types()).toEqual(["node.role_changed", "node.suspect", "node.down"]);
    expect(events[2]?.summary).toBe(
      "p (primary) is down: 2 polls failed in a row (connection refused); " +
        "not confirmed: 0/1 peers report it unreachable",
    );
    expect(d.node("p")).toMatchObject({ state: "DOWN", confirmedDown: false, isolated: false });
  });

  it("says once that a node sends bad documents, fails its polls, and says it again only after a valid one", () => {
    const { d, events, types } = detector(cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")]));
    const badDocument = { field: "replication.lagSeconds", message: "out of range (0 to 315576000)" };
    const error = `bad document: ${badDocument.field}: ${badDocument.message}`;
    const bad = (at: number) => d.observe("s", { ok: false, error, latencyMs: 1, badDocument }, at);
    for (let at = 1; at <= 4; at++) bad(at);
    d.observe("s", { ok: false, error: "connection refused", latencyMs: null }, 5);
    expect(types()).toEqual(["node.bad_document", "node.suspect", "node.down"]);
    expect(events[0]).toMatchObject({ severity: "WARNING", nodeId: "s", details: { node: "s", ...badDocument } });
    expect(events[0]?.summary).toBe(
      "s (standby) sends a status document the console refuses " +
        "(replication.lagSeconds: out of range (0 to 315576000)); its polls fail until it sends a valid one",
    );
    expect(events[1]?.summary).toMatch(/missed a poll \(bad document: replication\.lagSeconds: out of range/);
    d.observe("s", { ok: true, status: status("s", { role: "standby" }), latencyMs: 1 }, 6);
    bad(7);
    expect(types().filter((t) => t === "node.bad_document")).toHaveLength(2);
  });
});

describe("Detector.sync", () => {
  it("keeps runtime state and undecided-to-store flags across a refresh from the store", () => {
    const c = cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")]);
    const { d, types } = detector(c);
    d.observe("s", { ok: true, status: status("s", { role: "primary" }), latencyMs: 1 }, 1);
    d.observe("p", { ok: true, status: status("p", { role: "primary" }), latencyMs: 1 }, 1);
    d.evaluate("c", 1);
    d.observe("p", { ok: false, error: "timeout", latencyMs: null }, 2);
    d.sync([cluster("ACTIVE_PASSIVE", [node("p", "PRIMARY"), node("s", "STANDBY")])]);
    expect(d.cluster("c")?.splitBrain).toBe(true);
    expect(d.node("p")).toMatchObject({ state: "SUSPECT", failures: 1 });
    d.evaluate("c", 3);
    expect(types().filter((t) => t.startsWith("split_brain"))).toEqual(["split_brain"]);
  });
});

describe("a former primary", () => {
  it("keeps the console's role whatever it claims, and is no second writer once fenced again", () => {
    const former = { ...node("old", "UNKNOWN"), reportedRole: "PRIMARY" as const, needsRejoin: true };
    const { d, events, types } = detector(cluster("ACTIVE_PASSIVE", [former, node("new", "PRIMARY")]));
    const writable = (ok: boolean) => [{ layer: "business" as const, name: "writable", ok }];
    d.observe("new", { ok: true, status: status("new", { role: "primary", checks: writable(true) }), latencyMs: 1 }, 1);
    d.observe("old", { ok: true, status: status("old", { role: "primary", checks: writable(true) }), latencyMs: 1 }, 1);
    d.evaluate("c", 1);
    expect(d.node("old")).toMatchObject({ role: "UNKNOWN", reportedRole: "PRIMARY" });
    expect(types()).toEqual(["split_brain"]);
    d.observe(
      "old",
      { ok: true, status: status("old", { role: "primary", checks: writable(false) }), latencyMs: 1 },
      2,
    );
    d.evaluate("c", 2);
    expect(events.at(-1)).toMatchObject({ type: "split_brain.resolved" });
    // Rejoined (the store cleared the flag): its own word counts again.
    d.sync([cluster("ACTIVE_PASSIVE", [{ ...former, needsRejoin: false, role: "STANDBY" }, node("new", "PRIMARY")])]);
    d.observe("old", { ok: true, status: status("old", { role: "standby" }), latencyMs: 1 }, 3);
    expect(d.node("old")).toMatchObject({ role: "STANDBY", reportedRole: "STANDBY", needsRejoin: false });
  });

  it("judges two writers only on words that overlap: an old primary's word from before the promotion is not one", () => {
    const { d, types } = detector(cluster("ACTIVE_PASSIVE", [node("old", "PRIMARY"), node("new", "STANDBY")]));
    const say = (name: string, role: "primary" | "standby", at: number) =>
      d.observe(name, { ok: true, status: status(name, { role }), latencyMs: 1 }, at);
    say("old", "primary", 1);
    say("new", "standby", 1);
    d.evaluate("c", 1);
    // Promoted out of the round (its agent's news); the old primary was fenced since, but not polled yet.
    say("new", "primary", 2);
    d.evaluate("c", 2);
    expect(types()).not.toContain("split_brain");
    say("old", "primary", 3);
    d.evaluate("c", 3);
    expect(types()).toEqual(["node.role_changed", "split_brain"]);
    // A poll of one that fails leaves both claims standing: no flapping.
    d.observe("old", { ok: false, error: "timeout", latencyMs: null }, 4);
    say("new", "primary", 4);
    d.evaluate("c", 4);
    expect(types().filter((t) => t.startsWith("split_brain"))).toEqual(["split_brain"]);
  });

  it("counts no fenced primary as a second writer: an old master held by a switchover while the new one serves", () => {
    const { d, types } = detector(cluster("ACTIVE_PASSIVE", [node("old", "PRIMARY"), node("new", "STANDBY")]));
    const writable = (ok: boolean) => [{ layer: "business" as const, name: "writable", ok }];
    d.observe(
      "old",
      { ok: true, status: status("old", { role: "primary", checks: writable(false) }), latencyMs: 1 },
      1,
    );
    d.observe("new", { ok: true, status: status("new", { role: "primary", checks: writable(true) }), latencyMs: 1 }, 1);
    d.evaluate("c", 1);
    expect(types()).not.toContain("split_brain");
    d.observe("old", { ok: true, status: status("old", { role: "primary", checks: writable(true) }), latencyMs: 1 }, 2);
    d.observe("new", { ok: true, status: status("new", { role: "primary", checks: writable(true) }), latencyMs: 1 }, 2);
    d.evaluate("c", 2);
    expect(types()).toContain("split_brain");
  });
});
