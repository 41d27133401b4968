import { describe, expect, it } from "vitest";
import { splitByRefs } from "./linked-text";

const cluster = { label: "orders-db", href: "/clusters/orders-db" };
const node = { label: "orders-db-1", href: "/clusters/orders-db?node=orders-db-1" };
const action = { label: "failover of orders-db to orders-db-2", href: "/actions/a1" };

describe("splitByRefs", () => {
  it("links whole names, the longer name first, and leaves the rest as text", () => {
    expect(splitByRefs("orders-db-1 is down in orders-db", [cluster, node])).toEqual([node, " is down in ", cluster]);
    expect(splitByRefs("orders-db/orders-db-1", [cluster, node])).toEqual([cluster, "/", node]);
  });

  it("links an action's words over the names inside them", () => {
    expect(splitByRefs(`${action.label} succeeded`, [cluster, node, action])).toEqual([action, " succeeded"]);
  });

  it("never links a name inside a longer word", () => {
    expect(splitByRefs("orders-db-10 is down", [cluster, node])).toEqual(["orders-db-10 is down"]);
  });
});
