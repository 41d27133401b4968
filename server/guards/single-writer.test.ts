import { describe, expect, it } from "vitest";
import { node, state } from "./fixtures.ts";
import { agentAvailable, primaryServes, rejoinCandidate } from "./rejoin-guards.ts";
import { singleWriter, unfenceSingleWriter, writers } from "./single-writer.ts";

const former = (extra = {}) =>
  node("old", "UNKNOWN", { reportedRole: "PRIMARY", needsRejoin: true, fenced: true, writable: false, ...extra });

describe("single-writer", () => {
  it("counts as writers the console's primary and any node claiming primary whose writes are not refused", () => {
    const s = state([node("new", "PRIMARY"), former(), node("s", "STANDBY")]);
    expect(writers(s).map((n) => n.name)).toEqual(["new"]);
    expect(writers(state([node("new", "PRIMARY"), former({ writable: true })])).map((n) => n.name)).toEqual([
      "new",
      "old",
    ]);
    expect(writers(state([node("p", "PRIMARY", { state: "DOWN" })]))).toEqual([]);
    expect(writers(state([node("p", "PRIMARY", { writable: null, fenced: true })]))).toEqual([]);
  });

  it("refuses to unfence a former primary while another node serves writes, and is not overridable", () => {
    const s = state([former(), node("new", "PRIMARY")]);
    expect(unfenceSingleWriter(s, s.nodes[0])).toEqual({
      id: "single-writer",
      ok: false,
      overridable: false,
      reason: "new takes writes: old would be a second writer; rejoin old as a standby of new instead",
    });
    expect(unfenceSingleWriter(s, node("s", "STANDBY", { fenced: true })).reason).toBe(
      "s is a standby: unfencing it makes no writer",
    );
    expect(
      unfenceSingleWriter(
        state([node("p", "PRIMARY", { fenced: true, writable: false })]),
        node("p", "PRIMARY", { fenced: true }),
      ).ok,
    ).toBe(true);
  });

  it("refuses to promote while a node other than the replaced primary takes writes", () => {
    const s = state([node("p", "PRIMARY"), node("s", "STANDBY"), former({ writable: true })]);
    expect(singleWriter(s, s.nodes[1], "p")).toMatchObject({
      ok: false,
      reason: "old takes writes: s would be a second writer",
    });
    expect(singleWriter(state([node("p", "PRIMARY"), node("s", "STANDBY")]), node("s", "STANDBY"), "p").ok).toBe(true);
  });
});

describe("rejoin guards", () => {
  it("takes former primaries and nodes claiming primary, never the primary or a standby", () => {
    const primary = node("new", "PRIMARY");
    expect(rejoinCandidate(former(), primary).ok).toBe(true);
    expect(rejoinCandidate(node("x", "UNKNOWN", { reportedRole: "PRIMARY" }), primary).reason).toBe(
      "x claims primary while the console's primary is new",
    );
    expect(rejoinCandidate(primary, primary).reason).toBe("new is the primary: nothing to rejoin (switch over first)");
    expect(rejoinCandidate(node("s", "STANDBY"), primary).reason).toBe("s is already a standby");
    expect(primaryServes(undefined).reason).toBe("no primary to follow: fail over first");
    expect(primaryServes(node("new", "PRIMARY", { state: "SUSPECT" })).ok).toBe(false);
    expect(agentAvailable(former({ hasAgent: false })).ok).toBe(false);
  });
});
