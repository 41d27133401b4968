import { describe, expect, it } from "vitest";
import { absoluteTime, timeTitle, utcTime } from "./time";

const at = new Date("2026-12-02T12:07:40Z");

describe("a point in time", () => {
  it("says date, time and zone in the reader's zone", () => {
    expect(absoluteTime(at, "Europe/Berlin")).toBe("2 Dec 2026, 13:07:40 CET");
    expect(absoluteTime(at, "UTC")).toBe("2 Dec 2026, 12:07:40 UTC");
  });

  it("shows UTC on hover", () => {
    expect(utcTime(at)).toBe("2026-12-02 12:07:40 UTC");
    expect(timeTitle(at)).toContain("2026-12-02 12:07:40 UTC");
  });
});
