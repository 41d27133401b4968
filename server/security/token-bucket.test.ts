import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-bucket.ts";

describe("TokenBuckets", () => {
  it("allows a burst up to capacity, then refills at the given rate", () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 3, refillPerSecond: 2 }, () => now);
    expect([1, 2, 3, 4].map(() => buckets.take("a"))).toEqual([true, true, true, false]);
    now += 499;
    expect(buckets.take("a")).toBe(false);
    now += 1;
    expect(buckets.take("a")).toBe(true);
    expect(buckets.take("b")).toBe(true);
  });
});
