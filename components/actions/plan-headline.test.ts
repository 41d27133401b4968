import { describe, expect, it } from "vitest";
import { fail, pass } from "@/server/guards/types";
import { planHeadline } from "./plan-headline";

const lag = fail("lag-within-rpo", "db-3 lags 40 MiB / 9.0 s against a budget of 16 MiB / 5 s", true);
const health = fail("target-healthy", "db-3 is suspect, not healthy and reachable");

describe("planHeadline", () => {
  it("allows a plan every guard passes", () => {
    expect(planHeadline([pass("target-healthy", "ok"), pass("cooldown", "ok", true)], [])).toEqual({
      verdict: "ok",
      text: "Allowed by every guard",
    });
  });

  it("names every failing guard in words, not a generic refusal", () => {
    expect(planHeadline([lag, health, pass("cooldown", "ok", true)], [])).toEqual({
      verdict: "refused",
      text: "Refused: replication lag over the RPO budget, target not healthy",
    });
    expect(planHeadline([fail("some-new-guard", "why")], []).text).toBe("Refused: some-new-guard");
  });

  it("stays refused while a guard no one may override fails, whatever is ticked", () => {
    expect(planHeadline([lag, health], ["lag-within-rpo", "target-healthy"])).toEqual({
      verdict: "refused",
      text: "Refused: target not healthy",
    });
  });

  it("says which refusals an admin overrode once none is left standing", () => {
    const cooldown = fail("cooldown", "cooldown has 4 min left", true);
    expect(planHeadline([lag, cooldown], ["lag-within-rpo", "cooldown"])).toEqual({
      verdict: "overridden",
      text: "Refused guards overridden by admin: replication lag over the RPO budget, cooldown not over",
    });
  });
});
