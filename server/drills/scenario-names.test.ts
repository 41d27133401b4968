// The two spellings of a scenario name each other both ways, for every scenario.
import { describe, expect, it } from "vitest";
import { DrillScenario } from "../db/generated/enums.ts";
import { apiScenario, storedScenario } from "./scenario-names.ts";
import { SCENARIOS } from "../../lib/drills.ts";

describe("scenario names", () => {
  it("round-trips every API scenario and every stored member", () => {
    for (const scenario of SCENARIOS) expect(apiScenario(storedScenario(scenario))).toBe(scenario);
    expect(SCENARIOS.map(storedScenario).sort()).toEqual(Object.values(DrillScenario).sort());
  });
});
