import { describe, expect, it } from "vitest";
import { askedPlan, planHref, planSearch } from "./plan-query";

describe("the plan a URL asks for", () => {
  it("reads an action of the cluster's mode and its node, and ignores anything else", () => {
    const asked = (query: string, mode: "active-passive" | "active-active" = "active-passive") =>
      askedPlan(new URLSearchParams(query), mode);
    expect(asked("plan=failover&node=orders-db-2")).toEqual({ type: "failover", target: "orders-db-2" });
    expect(asked("plan=set-weight&node=c-1&weight=50", "active-active")).toEqual({
      type: "set-weight",
      target: "c-1",
      weight: 50,
    });
    expect(asked("plan=drain&node=c-1")).toBeNull();
    expect(asked("plan=explode&node=x")).toBeNull();
    expect(asked("range=1h")).toBeNull();
  });

  it("links to a plan and forgets it, keeping the page's other parameters", () => {
    expect(planHref("orders db", { type: "rejoin", target: "db-1" })).toBe(
      "/clusters/orders%20db?plan=rejoin&node=db-1",
    );
    expect(planSearch("?range=1h", { type: "failover", target: "db-2" })).toBe("?range=1h&plan=failover&node=db-2");
    expect(planSearch("?range=1h&plan=failover&node=db-2", null)).toBe("?range=1h");
    expect(planSearch("?plan=failover&node=db-2", null)).toBe("");
  });
});
