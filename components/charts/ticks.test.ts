import { describe, expect, it } from "vitest";
import { byteTicks, niceStep, timeTicks, valueTicks } from "./ticks";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);

describe("niceStep", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0.7, 1, 1.1, 2.5, 4, 7, 12, 230, 0.013].map(niceStep)).toEqual([1, 1, 2, 5, 5, 10, 20, 500, 0.02]);
  });

  it("takes 1 for nothing to divide", () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe("valueTicks", () => {
  it("counts from zero past the maximum at a round step", () => {
    expect(valueTicks(340)).toEqual({ step: 100, ticks: [0, 100, 200, 300, 400] });
    expect(valueTicks(1234, 5)).toEqual({ step: 500, ticks: [0, 500, 1000, 1500] });
    expect(valueTicks(0.27, 4, 0.01)).toEqual({ step: 0.1, ticks: [0, 0.1, 0.2, 0.3] });
  });

  it("keeps a maximum that is itself a tick as the top", () => {
    expect(valueTicks(400).ticks.at(-1)).toBe(400);
  });

  it("gives a flat zero series an axis of its least height", () => {
    expect(valueTicks(0)).toEqual({ step: 0.5, ticks: [0, 0.5, 1] });
  });
});

describe("byteTicks", () => {
  it("steps by powers of two", () => {
    expect(byteTicks(3 * 1024 * 1024)).toEqual({ step: 1024 * 1024, ticks: [0, 1, 2, 3].map((i) => i * 1024 * 1024) });
    const { step, ticks } = byteTicks(900 * 1024);
    expect(step).toBe(256 * 1024);
    expect(ticks).toEqual([0, 256, 512, 768, 1024].map((k) => k * 1024));
  });

  it("reads whole bytes for tiny lag and 1 KiB for none", () => {
    expect(byteTicks(10, 4, 1).ticks).toEqual([0, 4, 8, 12]);
    expect(byteTicks(0).ticks.at(-1)).toBe(1024);
  });
});

describe("timeTicks", () => {
  it("puts a quarter hour's ticks on round minutes", () => {
    const from = at("2026-11-23T10:03:17Z");
    const { step, ticks } = timeTicks(from, from + 15 * MINUTE);
    expect(step).toBe(5 * MINUTE);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(["10:05", "10:10", "10:15"]);
  });

  it("puts a day's ticks on round hours of the viewer's clock", () => {
    const from = at("2026-11-23T10:20:00Z");
    const { step, ticks } = timeTicks(from, from + 24 * HOUR, 6, 5.5 * HOUR);
    expect(step).toBe(6 * HOUR);
    // 00:00, 06:00, 12:00 and 18:00 in a zone 5 h 30 min east of UTC.
    expect(ticks.map((t) => new Date(t + 5.5 * HOUR).toISOString().slice(11, 16))).toEqual([
      "18:00",
      "00:00",
      "06:00",
      "12:00",
    ]);
  });

  it("steps a week by days and a minute by seconds", () => {
    const week = at("2026-11-16T12:00:00Z");
    expect(timeTicks(week, week + 7 * 24 * HOUR).step).toBe(2 * 24 * HOUR);
    expect(timeTicks(week, week + MINUTE).step).toBe(10_000);
  });

  it("never gives more ticks than asked", () => {
    for (const span of [10_000, 7 * MINUTE, 3 * HOUR, 40 * HOUR, 30 * 24 * HOUR]) {
      expect(timeTicks(0, span, 6).ticks.length).toBeLessThanOrEqual(7);
    }
  });
});
