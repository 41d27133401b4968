import { describe, expect, it } from "vitest";
import { drillOrigin, sinceStart } from "./drill-clock";
import { noFailover } from "./drill-figures";

const phase = (status: "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "SKIPPED") => [
  { name: "failover" as const, status, startedAt: null, finishedAt: null, detail: null, plan: "" },
];

describe("a drill without a failover time", () => {
  it("says why in words that fit a finished drill, never 'not yet'", () => {
    const drill = { failoverBy: "operator-run" as const, status: "FAILED" as const };
    expect(noFailover({ ...drill, phases: phase("FAILED") })).toBe("none: the failover phase failed");
    expect(noFailover({ ...drill, status: "ABORTED", phases: phase("PENDING") })).toBe(
      "none: the drill ended before it",
    );
    expect(noFailover({ ...drill, status: "SUCCEEDED", phases: phase("SUCCEEDED") })).toBe("not measured");
    expect(noFailover({ ...drill, status: "RUNNING", phases: phase("RUNNING") })).toBe("not yet");
    expect(noFailover({ failoverBy: null, status: "SUCCEEDED", phases: phase("SKIPPED") })).toBe("none needed");
  });
});

describe("drill times", () => {
  it("count from the drill's start, or its creation before it started", () => {
    const created = new Date("2026-12-01T10:00:00Z");
    const started = new Date("2026-12-01T10:00:05Z");
    expect(drillOrigin({ createdAt: created, startedAt: null })).toBe(created.getTime());
    const origin = drillOrigin({ createdAt: created, startedAt: started });
    expect(sinceStart(origin, new Date("2026-12-01T10:00:09.2Z"))).toBe("+4.2 s");
    expect(sinceStart(origin, created)).toBe("+0 ms");
  });
});
