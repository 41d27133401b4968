import { describe, expect, it } from "vitest";
import { countStates, severityRank } from "./state-counts.ts";

describe("state counts", () => {
  it("counts every state, zero included", () => {
    expect(countStates([{ state: "HEALTHY" }, { state: "DOWN" }, { state: "HEALTHY" }])).toEqual({
      HEALTHY: 2,
      SUSPECT: 0,
      DOWN: 1,
      UNKNOWN: 0,
    });
  });

  it("ranks down before suspect before unknown before all healthy", () => {
    const rank = (...states: ("HEALTHY" | "SUSPECT" | "DOWN" | "UNKNOWN")[]) =>
      severityRank(countStates(states.map((state) => ({ state }))));
    expect(rank("HEALTHY", "DOWN")).toBeLessThan(rank("SUSPECT", "SUSPECT"));
    expect(rank("SUSPECT")).toBeLessThan(rank("UNKNOWN"));
    expect(rank("UNKNOWN")).toBeLessThan(rank("HEALTHY"));
    expect(rank()).toBe(rank("HEALTHY"));
  });
});
