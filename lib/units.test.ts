import { describe, expect, it } from "vitest";
import { amountIn, bestUnit, spoken, toStored } from "./units.ts";

describe("quantities in human units", () => {
  it("picks the largest unit that says the value in two decimals at most", () => {
    expect(bestUnit("bytes", 16_777_216)).toBe("MiB");
    expect(bestUnit("bytes", 1_610_612_736)).toBe("GiB");
    expect(bestUnit("bytes", 100 * 1024 ** 2 + 1)).toBe("B");
    expect(bestUnit("bytes", 0)).toBe("B");
    expect(bestUnit("ms", 600_000)).toBe("min");
    expect(bestUnit("ms", 1_500)).toBe("s");
    expect(bestUnit("ms", 800)).toBe("ms");
    expect(bestUnit("s", 30)).toBe("s");
    expect(bestUnit("s", 90)).toBe("min");
    expect(bestUnit("min", 120)).toBe("h");
  });

  it("converts both ways without drift", () => {
    expect(amountIn("bytes", 16_777_216, "MiB")).toBe("16");
    expect(amountIn("ms", 1_500, "s")).toBe("1.5");
    expect(amountIn("ms", 100, "s")).toBe("0.1");
    expect(toStored("bytes", 16, "MiB")).toBe(16_777_216);
    expect(toStored("ms", 10, "min")).toBe(600_000);
    expect(toStored("ms", 0.1, "s")).toBe(100);
    expect(toStored("s", 1.5, "min")).toBe(90);
  });

  it("says a value in words", () => {
    expect(spoken("ms", 100)).toBe("100 ms");
    expect(spoken("ms", 60_000)).toBe("1 min");
    expect(spoken("ms", 7 * 86_400_000)).toBe("168 h");
    expect(spoken("bytes", 16_777_216)).toBe("16 MiB");
    expect(spoken("s", 86_400)).toBe("24 h");
  });
});
