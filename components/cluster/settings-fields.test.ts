import { describe, expect, it } from "vitest";
import { fieldValue, readField, SETTING_FIELDS } from "./settings-fields";

const spec = (field: string) => SETTING_FIELDS.find((s) => s.field === field)!;

describe("the settings form's fields in human units", () => {
  it("shows stored numbers in the unit they read best in", () => {
    expect(fieldValue(spec("rpoBudgetBytes"), 16_777_216)).toEqual({ amount: "16", unit: "MiB" });
    expect(fieldValue(spec("cooldownMs"), 600_000)).toEqual({ amount: "10", unit: "min" });
    expect(fieldValue(spec("timeoutMs"), 800)).toEqual({ amount: "800", unit: "ms" });
    expect(fieldValue(spec("lagAlertBytes"), null)).toEqual({ amount: "", unit: "MiB" });
    expect(fieldValue(spec("rtoTargetMs"), 0)).toEqual({ amount: "0", unit: "s" });
    expect(fieldValue(spec("failureThreshold"), 3)).toEqual({ amount: "3", unit: "polls" });
  });

  it("reads them back into the stored unit", () => {
    expect(readField(spec("rpoBudgetBytes"), { amount: "24", unit: "MiB" })).toEqual({ stored: 25_165_824 });
    expect(readField(spec("intervalMs"), { amount: "1,5", unit: "s" })).toEqual({ stored: 1_500 });
    expect(readField(spec("rpoBudgetSeconds"), { amount: "1.5", unit: "min" })).toEqual({ stored: 90 });
    expect(readField(spec("lagAlertSeconds"), { amount: " ", unit: "s" })).toEqual({ stored: null });
    expect(readField(spec("alertRepeatMinutes"), { amount: "2", unit: "h" })).toEqual({ stored: 120 });
  });

  it("says what is wrong in words and units", () => {
    const error = (field: string, amount: string, unit: string) => readField(spec(field), { amount, unit });
    expect(error("intervalMs", "10", "ms")).toEqual({ error: "Poll interval must be at least 100 ms." });
    expect(error("intervalMs", "2", "min")).toEqual({ error: "Poll interval must be at most 1 min." });
    expect(error("cooldownMs", "200", "h")).toEqual({ error: "Failover cooldown must be at most 168 h." });
    expect(error("timeoutMs", "", "ms")).toEqual({ error: "Poll timeout is needed." });
    expect(error("rpoBudgetBytes", "lots", "MiB")).toEqual({ error: "RPO budget (data) must be a number, like 1.5." });
    expect(error("failureThreshold", "2.5", "polls")).toEqual({
      error: "Failures to DOWN must be a whole number of polls.",
    });
    expect(error("alertRepeatMinutes", "0.5", "min")).toEqual({
      error: "Repeat open alerts must be a whole number of minutes.",
    });
    expect(error("availabilityTarget", "100", "%")).toEqual({
      error: "Availability target must be at most 99.99999 %.",
    });
  });
});
