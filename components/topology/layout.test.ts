import { describe, expect, it } from "vitest";
import { layoutTopology, type TopologyNode } from "./layout";

const n = (name: string, role: TopologyNode["role"], region: string, upstream: string | null = null): TopologyNode => ({
  name,
  role,
  region,
  zone: `${region}-1a`,
  upstream,
});

describe("layoutTopology", () => {
  it("puts the primary's region first and the primary above its standbys, with replication edges", () => {
    const layout = layoutTopology("active-passive", [
      n("db-3", "standby", "us-east", "db-1"),
      n("db-1", "primary", "eu-west"),
      n("db-2", "standby", "eu-west"),
    ]);
    expect(layout.groups.map((g) => g.region)).toEqual(["eu-west", "us-east"]);
    expect(layout.nodes["db-1"]!.y).toBeLessThan(layout.nodes["db-2"]!.y);
    expect(layout.nodes["db-2"]!.y).toBe(layout.nodes["db-3"]!.y);
    expect(layout.edges).toEqual([
      { from: "db-1", to: "db-3", inferred: false },
      { from: "db-1", to: "db-2", inferred: true },
    ]);
    for (const box of Object.values(layout.nodes)) expect(box.x + box.w).toBeLessThanOrEqual(layout.width);
  });

  it("puts a load balancer above active nodes and draws no replication", () => {
    const layout = layoutTopology("active-active", [
      n("a", "active", "eu"),
      n("b", "active", "eu"),
      n("c", "active", "us"),
    ]);
    expect(layout.balancer).not.toBeNull();
    expect(layout.edges).toEqual([]);
    expect(layout.nodes.a!.y).toBeGreaterThan(layout.balancer!.y + layout.balancer!.h);
    expect(layout.nodes.a!.x).toBeLessThan(layout.nodes.b!.x);
  });

  it("lays the same input out the same way every time", () => {
    const nodes = [n("x", "standby", "r2"), n("y", "primary", "r1")];
    expect(layoutTopology("active-passive", nodes)).toEqual(layoutTopology("active-passive", [...nodes].reverse()));
  });
});
