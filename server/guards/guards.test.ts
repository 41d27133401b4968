import { describe, expect, it } from "vitest";
import { capacityCovers, noOtherAction, notLastHealthy, notPaused } from "./common-guards.ts";
import {
  cooldownPassed,
  dataLossAccepted,
  expectedPrimary,
  fencingAvailable,
  lagWithinRpo,
  noSplitBrain,
  primaryConfirmedDown,
  primaryDemotable,
  targetHealthy,
  targetServes,
} from "./replication-guards.ts";
import { node, state } from "./fixtures.ts";

describe("replication guards", () => {
  it("target-healthy: a healthy standby only", () => {
    expect(targetHealthy(node("s", "STANDBY")).ok).toBe(true);
    expect(targetHealthy(node("s", "STANDBY", { state: "SUSPECT" })).reason).toBe(
      "s is suspect, not healthy and reachable",
    );
    expect(targetHealthy(node("p", "PRIMARY")).ok).toBe(false);
    expect(targetHealthy(undefined).ok).toBe(false);
  });

  it("target-serves: a standby whose service fails its application checks is refused, overridably", () => {
    expect(targetServes(node("s", "STANDBY")).ok).toBe(true);
    expect(targetServes(node("s", "STANDBY", { failingAppChecks: ["sql"] }))).toEqual({
      id: "target-serves",
      ok: false,
      reason: "s fails its application check sql",
      overridable: true,
    });
    expect(targetServes(node("s", "STANDBY", { failingAppChecks: ["sql", "ping"] })).reason).toBe(
      "s fails its application checks sql, ping",
    );
  });

  it("lag-within-rpo: bytes and seconds against the budget, overridable", () => {
    expect(lagWithinRpo(state([]), node("s", "STANDBY", { lagBytes: 999, lagSeconds: 4 })).ok).toBe(true);
    const over = lagWithinRpo(state([]), node("s", "STANDBY", { lagBytes: 2048, lagSeconds: 1 }));
    expect(over).toMatchObject({
      ok: false,
      overridable: true,
      reason: "s lags 2 KiB / 1 s against a budget of 1000 B / 5 s",
    });
    expect(lagWithinRpo(state([]), node("s", "STANDBY", { lagSeconds: 6 })).ok).toBe(false);
  });

  it("lag-within-rpo and data-loss-accepted name the moment of loss once the primary is lost", () => {
    const lost = state([], { lossMoment: { primary: "p", at: Date.UTC(2026, 11, 2, 4, 19, 2) } });
    const standby = node("s", "STANDBY", { lagBytes: 1024, lagSeconds: 0 });
    expect(lagWithinRpo(lost, standby).reason).toBe(
      "s lags 1 KiB / 0 s at 04:19:02 UTC, when p was last seen against a budget of 1000 B / 5 s",
    );
    expect(dataLossAccepted(lost, standby, false).reason).toBe(
      "may lose up to 1 KiB (0 s) of writes not yet on s at 04:19:02 UTC, when p was last seen; " +
        "accept this loss to go on",
    );
  });

  it("primary-confirmed-down: confirmed passes; isolated, unconfirmed or healthy fail", () => {
    expect(primaryConfirmedDown(node("p", "PRIMARY", { state: "DOWN", confirmedDown: true })).ok).toBe(true);
    expect(primaryConfirmedDown(node("p", "PRIMARY", { state: "DOWN", isolated: true })).reason).toMatch(/isolated/);
    expect(primaryConfirmedDown(node("p", "PRIMARY", { state: "DOWN" })).reason).toMatch(/not confirmed/);
    expect(primaryConfirmedDown(node("p", "PRIMARY")).reason).toMatch(/use a switchover/);
  });

  it("primary-demotable: a healthy primary with an agent", () => {
    expect(primaryDemotable(node("p", "PRIMARY")).ok).toBe(true);
    expect(primaryDemotable(node("p", "PRIMARY", { state: "DOWN" })).ok).toBe(false);
    expect(primaryDemotable(node("p", "PRIMARY", { hasAgent: false })).ok).toBe(false);
    expect(primaryDemotable(undefined).ok).toBe(false);
  });

  it("no-split-brain, fencing-available, expected-primary", () => {
    expect(noSplitBrain(state([], { splitBrain: true })).ok).toBe(false);
    expect(noSplitBrain(state([])).ok).toBe(true);
    expect(fencingAvailable(node("p", "PRIMARY", { hasAgent: false })).ok).toBe(false);
    expect(fencingAvailable(node("p", "PRIMARY", { hasAgent: false, fenced: true })).ok).toBe(true);
    expect(expectedPrimary(node("p", "PRIMARY"), "p").ok).toBe(true);
    expect(expectedPrimary(node("q", "PRIMARY"), "p").reason).toBe(
      "the primary changed since planning: expected p, found q",
    );
  });

  it("cooldown: refuses within the window unless lifted after the last failover", () => {
    const now = 1_000_000_000;
    expect(cooldownPassed(state([], { lastFailoverAt: now - 60_000 })).reason).toMatch(/cooldown has 9 min left/);
    expect(cooldownPassed(state([], { lastFailoverAt: now - 700_000 })).ok).toBe(true);
    expect(cooldownPassed(state([], { lastFailoverAt: now - 60_000, cooldownLiftedAt: now - 30_000 })).ok).toBe(true);
    expect(cooldownPassed(state([], { lastFailoverAt: now - 60_000, cooldownLiftedAt: now - 90_000 })).ok).toBe(false);
  });

  it("data-loss-accepted: an async target with lag needs the loss accepted", () => {
    const lagging = node("s", "STANDBY", { lagBytes: 4096, lagSeconds: 0.5 });
    expect(dataLossAccepted(state([]), lagging, false)).toMatchObject({
      ok: false,
      reason: "may lose up to 4 KiB (500 ms) of writes not yet on s; accept this loss to go on",
    });
    expect(dataLossAccepted(state([]), lagging, true).ok).toBe(true);
    expect(dataLossAccepted(state([]), { ...lagging, replicationMode: "sync" }, false).ok).toBe(true);
  });
});

describe("common and drain guards", () => {
  it("no-running-action", () => {
    expect(noOtherAction(state([], { activeActions: [{ id: "a1", type: "FAILOVER" }] })).ok).toBe(false);
    expect(noOtherAction(state([])).ok).toBe(true);
  });

  it("not-paused stops automatic actions only", () => {
    expect(notPaused(state([], { paused: true }), undefined, true).ok).toBe(false);
    expect(notPaused(state([], { paused: true }), undefined, false).ok).toBe(true);
    expect(notPaused(state([]), node("n", "ACTIVE", { paused: true }), true).reason).toBe(
      "node n is paused: no automatic action",
    );
  });

  it("not-last-healthy and capacity-n-1", () => {
    const a = node("a", "ACTIVE", { requestsPerSec: 600, maxRequestsPerSec: 1000 });
    const b = node("b", "ACTIVE", { requestsPerSec: 600, maxRequestsPerSec: 1000 });
    const c = node("c", "ACTIVE", { requestsPerSec: 0, maxRequestsPerSec: 1000, state: "DOWN" });
    expect(notLastHealthy(state([a, b, c]), a).ok).toBe(true);
    expect(notLastHealthy(state([a, c]), a).ok).toBe(false);
    expect(capacityCovers(state([a, b, c]), a)).toMatchObject({
      ok: false,
      reason: "1200 req/s now, 1000 req/s capacity without a: not enough",
    });
    expect(capacityCovers(state([a, b, { ...c, state: "HEALTHY" }]), a).ok).toBe(true);
  });
});
