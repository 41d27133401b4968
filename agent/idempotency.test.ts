import { describe, expect, it } from "vitest";
import { IdempotencyCache } from "./idempotency.ts";

describe("IdempotencyCache", () => {
  it("runs the same id once, even while the first run is in flight", async () => {
    const cache = new IdempotencyCache<number>();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = cache.run("a", async () => {
      runs++;
      await gate;
      return 1;
    });
    const second = cache.run("a", async () => ++runs);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(runs).toBe(1);
  });

  it("forgets the oldest id past its capacity", async () => {
    const cache = new IdempotencyCache<string>(2);
    await cache.run("a", async () => "first");
    await cache.run("b", async () => "b");
    await cache.run("c", async () => "c");
    expect(await cache.run("a", async () => "again")).toBe("again");
    expect(await cache.run("c", async () => "again")).toBe("c");
  });
});
