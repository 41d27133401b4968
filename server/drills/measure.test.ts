// A drill's figures from recorded samples and events, and their judgement against the targets.
import { describe, expect, it } from "vitest";
import { measure, type MeasureInput } from "./measure.ts";
import { checkTargets } from "./verdict.ts";

const sample = (node: string, at: number, role: string, healthy = true, lagBytes: number | null = null) => ({
  node,
  at,
  role,
  healthy,
  lagBytes,
  lagSeconds: lagBytes === null ? null : lagBytes / 1e6,
  requestsPerSec: null,
  errorRate: null,
});
const base: MeasureInput = {
  scenario: "primary-crash",
  mode: "active-passive",
  injectedAt: 10_000,
  intervalMs: 1_000,
  until: 15_000,
  faulted: ["p"],
  primary: "p",
  samples: [
    sample("p", 9_500, "PRIMARY"),
    sample("s", 9_600, "STANDBY", true, 200_000),
    sample("s", 12_000, "STANDBY", true, 200_000),
    sample("s", 14_200, "PRIMARY"),
  ],
  events: [
    { node: "p", type: "node.suspect", at: 10_900, confirmed: false },
    { node: "p", type: "node.down", at: 12_800, confirmed: true },
  ],
  failoverRequestedAt: 13_000,
};

describe("measure", () => {
  it("counts detection, decision and RTO from the fault, and RPO as the promoted standby's lag at the loss", () => {
    expect(measure(base)).toEqual({
      detectionMs: 2_800,
      failoverMs: 3_000,
      rtoMs: 4_200,
      rpoBytes: 200_000,
      rpoSeconds: 0.2,
      errorRate: null,
      promoted: "s",
    });
  });

  it("a primary down but not confirmed is not detected; a late confirmation is", () => {
    const unconfirmed = { ...base, events: [{ node: "p", type: "node.down", at: 12_800, confirmed: false }] };
    expect(measure(unconfirmed).detectionMs).toBeNull();
    expect(
      measure({
        ...unconfirmed,
        events: [...unconfirmed.events, { node: "p", type: "node.confirmed_down", at: 13_100, confirmed: true }],
      }).detectionMs,
    ).toBe(3_100);
  });

  it("no primary back before the restore: RTO and RPO unknown", () => {
    const m = measure({ ...base, until: 14_000 });
    expect([m.rtoMs, m.rpoBytes]).toEqual([null, null]);
  });

  it("active-active: RTO 0 while a node outside the fault kept serving; error rate weighted by requests", () => {
    const m = measure({
      ...base,
      mode: "active-active",
      scenario: "node-crash",
      primary: null,
      faulted: ["a"],
      until: 12_000,
      samples: [
        { ...sample("b", 9_000, "ACTIVE"), requestsPerSec: 100, errorRate: 0 },
        { ...sample("b", 11_000, "ACTIVE"), requestsPerSec: 300, errorRate: 0.01 },
        { ...sample("c", 11_000, "ACTIVE"), requestsPerSec: 100, errorRate: 0.05 },
      ],
      events: [{ node: "a", type: "node.down", at: 13_000, confirmed: false }],
      failoverRequestedAt: null,
    });
    expect(m).toMatchObject({ rtoMs: 0, rpoBytes: null, detectionMs: 3_000, failoverMs: null, errorRate: 0.02 });
  });

  it("counts every gap in service during the drill, not only the first; none after the restore began", () => {
    const active = (at: number) => ({ ...sample("b", at, "ACTIVE"), requestsPerSec: 100, errorRate: 0 });
    const gappy = {
      ...base,
      mode: "active-active" as const,
      scenario: "node-crash" as const,
      primary: null,
      faulted: ["a"],
      samples: [active(9_000), active(10_500), active(16_000), active(17_000)],
      until: 17_500,
    };
    expect(measure(gappy).rtoMs).toBe(16_000 - 12_500);
    expect(measure({ ...gappy, until: 15_000 }).rtoMs).toBeNull();
  });

  it("judges RTO against the target and RPO against the budget, bytes and seconds", () => {
    const targets = { rtoTargetMs: 4_000, rpoBudgetBytes: 100_000, rpoBudgetSeconds: 5, detectionBoundMs: 3_800 };
    const checks = checkTargets(measure(base), targets, true);
    expect(checks.map((c) => `${c.id}:${c.ok}`)).toEqual(["detection:true", "rto:false", "rpo:false"]);
    expect(checks[1]?.reason).toBe("RTO 4.2 s against a target of 4 s");
    expect(
      checkTargets(measure(base), { ...targets, rtoTargetMs: 30_000, rpoBudgetBytes: 0 }, true).every((c) => c.ok),
    ).toBe(true);
  });
});
