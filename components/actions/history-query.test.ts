import { describe, expect, it } from "vitest";
import { historyFilters, historyHref } from "./history-query";

describe("the Actions page's URL", () => {
  it("keeps known filters and drops unknown or empty ones", () => {
    const params = new URLSearchParams("cluster=orders-db&type=failover&status=bogus&before=&x=1");
    expect(historyFilters(params)).toEqual({ cluster: "orders-db", type: "failover" });
    expect(historyFilters({ status: ["FAILED", "ABORTED"], before: "abc" })).toEqual({
      status: "FAILED",
      before: "abc",
    });
  });

  it("writes the filters back as a link", () => {
    expect(historyHref({})).toBe("/actions");
    expect(historyHref({ cluster: "orders db", status: "FAILED" })).toBe("/actions?cluster=orders+db&status=FAILED");
    expect(historyFilters(new URL(`http://x${historyHref({ type: "set-weight" })}`).searchParams)).toEqual({
      type: "set-weight",
    });
  });
});
