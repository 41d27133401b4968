import { describe, expect, it } from "vitest";
import { detectionBoundMs } from "./bound.ts";
import { nextHealth } from "./health.ts";
import { worstImbalance } from "./imbalance.ts";
import { isLagOver, lagThresholds } from "./lag.ts";
import { describeVerdict, peerVerdict } from "./peer-verdict.ts";

describe("nextHealth", () => {
  it("is SUSPECT after one failure, DOWN after the threshold in a row, HEALTHY after one success", () => {
    let health = { state: "HEALTHY" as const, failures: 0 } as ReturnType<typeof nextHealth>;
    const states: string[] = [];
    for (const ok of [false, false, false, false, true]) {
      health = nextHealth(health, ok, 3);
      states.push(health.state);
    }
    expect(states).toEqual(["SUSPECT", "SUSPECT", "DOWN", "DOWN", "HEALTHY"]);
    expect(nextHealth({ state: "HEALTHY", failures: 0 }, false, 1).state).toBe("DOWN");
  });

  it("bounds detection at threshold × interval + timeout", () => {
    expect(detectionBoundMs({ intervalMs: 1000, timeoutMs: 800, failureThreshold: 3 })).toBe(3800);
  });
});

describe("peerVerdict", () => {
  it("confirms a loss only when a majority of peers cannot reach the node", () => {
    expect(peerVerdict([{ reachable: false }, { reachable: false }])).toMatchObject({
      confirmedDown: true,
      isolated: false,
    });
    expect(peerVerdict([{ reachable: false }, { reachable: undefined }])).toMatchObject({
      confirmedDown: false,
      isolated: false,
    });
    expect(peerVerdict([{ reachable: false }, { reachable: false }, { reachable: true }])).toMatchObject({
      confirmedDown: true,
    });
  });

  it("calls the node isolated when a majority of peers still reach it", () => {
    const verdict = peerVerdict([{ reachable: true }, { reachable: true }, { reachable: false }]);
    expect(verdict).toMatchObject({ confirmedDown: false, isolated: true });
    expect(describeVerdict(verdict)).toBe("2/3 peers still reach it");
  });

  it("has only the console's view without peers", () => {
    expect(peerVerdict([])).toMatchObject({ confirmedDown: true, isolated: false });
  });
});

describe("lag", () => {
  const thresholds = lagThresholds({
    lagAlertBytes: null,
    lagAlertSeconds: 10,
    rpoBudgetBytes: 1000,
    rpoBudgetSeconds: 5,
  });

  it("uses the alert threshold, else the RPO budget", () => {
    expect(thresholds).toEqual({ bytes: 1000, seconds: 10 });
    expect(
      lagThresholds({ lagAlertBytes: null, lagAlertSeconds: null, rpoBudgetBytes: 0, rpoBudgetSeconds: 0 }),
    ).toEqual({ bytes: null, seconds: null });
  });

  it("goes over past a threshold and back under only 10 % below it", () => {
    expect(isLagOver({ bytes: 1001 }, thresholds, false)).toBe(true);
    expect(isLagOver({ bytes: 950 }, thresholds, true)).toBe(true);
    expect(isLagOver({ bytes: 899, seconds: 1 }, thresholds, true)).toBe(false);
    expect(isLagOver({ seconds: 11 }, thresholds, false)).toBe(true);
  });
});

describe("worstImbalance", () => {
  it("finds the node furthest from its weighted share, in percentage points", () => {
    const worst = worstImbalance([
      { name: "a", weight: 100, requestsPerSec: 700 },
      { name: "b", weight: 100, requestsPerSec: 300 },
    ]);
    expect(worst).toMatchObject({ expected: 50, actual: 70, gap: 20 });
    expect(worstImbalance([{ name: "a", weight: 100, requestsPerSec: 0 }])).toBeNull();
  });
});
