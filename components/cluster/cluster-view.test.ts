import { describe, expect, it } from "vitest";
import { clusterSearch, clusterView } from "./cluster-view";

const view = (query: string) => clusterView(new URLSearchParams(query));

describe("clusterView", () => {
  it("reads the node, the range and a zoomed span in epoch milliseconds or ISO", () => {
    expect(view("node=orders-db-2&range=24h&from=1000000&to=1600000")).toEqual({
      node: "orders-db-2",
      range: "24h",
      span: { from: 1_000_000, to: 1_600_000 },
    });
    expect(view("from=2026-11-23T10:00:00Z&to=2026-11-23T11:00:00Z").span).toEqual({
      from: Date.parse("2026-11-23T10:00:00Z"),
      to: Date.parse("2026-11-23T11:00:00Z"),
    });
  });

  it("drops what it cannot use: an unknown range, half a span, a span backwards or too short", () => {
    expect(view("")).toEqual({ node: null, range: "15m", span: null });
    expect(view("range=3y&node=").range).toBe("15m");
    expect(view("from=1000000").span).toBeNull();
    expect(view("from=2000000&to=1000000").span).toBeNull();
    expect(view("from=1000000&to=1001000").span).toBeNull();
    expect(view("from=yesterday&to=1001000").span).toBeNull();
  });
});

describe("clusterSearch", () => {
  it("writes back what it reads, leaving the default range out", () => {
    for (const query of ["", "?node=a", "?range=7d", "?node=a&range=1h&from=1000000&to=1600000"]) {
      expect(clusterSearch(view(query.slice(1)))).toBe(query);
    }
    expect(clusterSearch({ node: null, range: "15m", span: null })).toBe("");
  });
});
