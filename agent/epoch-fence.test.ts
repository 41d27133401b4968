import { describe, expect, it } from "vitest";
import { EpochFence } from "./epoch-fence.ts";

describe("epoch fence", () => {
  it("admits equal and newer epochs and actions without one, and refuses older ones", () => {
    const fence = new EpochFence();
    expect(fence.admit(3)).toBeNull();
    expect(fence.admit(3)).toBeNull();
    expect(fence.admit(undefined)).toBeNull();
    expect(fence.admit(2)).toBe("stale leader: epoch 2 is older than 3");
    expect(fence.admit(5)).toBeNull();
    expect(fence.admit(4)).toBe("stale leader: epoch 4 is older than 5");
    expect(fence.admit(undefined)).toBeNull();
  });
});
