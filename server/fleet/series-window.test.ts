import { describe, expect, it } from "vitest";
import { seriesWindow } from "./series-window.ts";

const now = Date.UTC(2026, 10, 23, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("seriesWindow", () => {
  it("keeps each named range's bucket and source", () => {
    expect(seriesWindow("15m", now)).toEqual({ from: now - 15 * MINUTE, to: now, bucketMs: 5_000, source: "raw" });
    expect(seriesWindow("1h", now)).toMatchObject({ bucketMs: 15_000, source: "raw" });
    expect(seriesWindow("24h", now)).toMatchObject({ bucketMs: 5 * MINUTE, source: "rollup" });
    expect(seriesWindow("7d", now)).toMatchObject({ bucketMs: HOUR, source: "hourly" });
  });

  it("sizes a zoomed span's buckets to its length", () => {
    expect(seriesWindow({ from: now - 10 * MINUTE, to: now - 5 * MINUTE }, now)).toMatchObject({
      from: now - 10 * MINUTE,
      to: now - 5 * MINUTE,
      bucketMs: 5_000,
      source: "raw",
    });
    expect(seriesWindow({ from: now - 6 * HOUR, to: now }, now)).toMatchObject({ bucketMs: 5 * MINUTE });
    expect(seriesWindow({ from: now - 60 * 24 * HOUR, to: now }, now)).toMatchObject({
      bucketMs: 6 * HOUR,
      source: "hourly",
    });
  });

  it("reads minute rollups where raw samples are no longer kept", () => {
    expect(seriesWindow({ from: now - 72 * HOUR, to: now - 71 * HOUR }, now)).toMatchObject({
      bucketMs: MINUTE,
      source: "rollup",
    });
  });
});
