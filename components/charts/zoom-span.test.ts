import { describe, expect, it } from "vitest";
import { zoomSpan } from "./zoom-span";

describe("zoomSpan", () => {
  it("orders a drag either way and widens a short one to a minute about its middle", () => {
    expect(zoomSpan(500_000, 100_000)).toEqual({ from: 100_000, to: 500_000 });
    expect(zoomSpan(100_000, 110_000)).toEqual({ from: 75_000, to: 135_000 });
    expect(zoomSpan(100_000.4, 200_000.6)).toEqual({ from: 100_000, to: 200_001 });
  });
});
