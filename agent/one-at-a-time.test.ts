import { describe, expect, it } from "vitest";
import { OneAtATime } from "./one-at-a-time.ts";

describe("OneAtATime", () => {
  it("starts the next piece of work only when the one before it has ended, failed or not", async () => {
    const queue = new OneAtATime();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue.run(async () => {
      order.push("first starts");
      await gate;
      order.push("first ends");
      throw new Error("first failed");
    });
    const second = queue.run(async () => {
      order.push("second starts");
      return 2;
    });
    await Promise.resolve();
    expect(order).toEqual(["first starts"]);
    release();
    await expect(first).rejects.toThrow("first failed");
    expect(await second).toBe(2);
    expect(order).toEqual(["first starts", "first ends", "second starts"]);
  });
});
