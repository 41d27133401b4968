import { describe, expect, it } from "vitest";
import { bytes, duration, minutes, seconds } from "./format";

describe("one duration format", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [2_000, "2 s"],
    [2_640, "2.6 s"],
    [13_700, "14 s"],
    [60_000, "1 min"],
    [90_000, "1.5 min"],
    [7_200_000, "2 h"],
  ])("says %d ms as %s", (ms, said) => expect(duration(ms)).toBe(said));

  it("says seconds and minutes the way it says milliseconds", () => {
    expect(seconds(13.7)).toBe(duration(13_700));
    expect(seconds(0)).toBe("0 s");
    expect(seconds(null)).toBe("–");
    expect(minutes(90)).toBe("1.5 h");
    expect(minutes(0.5)).toBe("30 s");
    expect(minutes(0)).toBe("0 min");
  });

  it("says bytes in binary units without a trailing .0", () => {
    expect(bytes(1024)).toBe("1 KiB");
    expect(bytes(1536)).toBe("1.5 KiB");
    expect(bytes(16 * 1024 ** 2)).toBe("16 MiB");
    expect(bytes(900)).toBe("900 B");
  });
});
