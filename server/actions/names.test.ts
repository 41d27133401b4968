import { describe, expect, it } from "vitest";
import { actionLabel } from "./names.ts";

describe("actionLabel", () => {
  it("moves a cluster to its target for a failover, and names the node acted on otherwise", () => {
    expect(actionLabel("failover", "orders-db", "orders-db-2")).toBe("failover of orders-db to orders-db-2");
    expect(actionLabel("drain", "checkout-api", "checkout-2")).toBe("drain of checkout-2 (checkout-api)");
    expect(actionLabel("set-weight", "checkout-api", null)).toBe("set-weight of checkout-api");
  });
});
