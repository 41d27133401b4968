// What a chart window reads: a named range ending now or a zoomed span, in buckets of a round size
// that give each chart about 288 points, from raw samples while they are kept and the bucket is
// under a minute, from the minute rollups under an hour, from the hourly ones beyond.
import { CHART_RANGES, type Range } from "../../lib/chart-ranges.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const RANGE_SPAN_MS: Record<Range, number> = {
  "15m": 15 * MINUTE,
  "1h": HOUR,
  "24h": 24 * HOUR,
  "7d": 7 * 24 * HOUR,
};

const BUCKETS = [5_000, 15_000, 30_000, MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR];
const POINTS = 288;
/** The store keeps raw samples this long (CONSOLE_SAMPLE_RETENTION_HOURS' default). */
const RAW_KEPT_MS = 48 * HOUR;

export type SeriesSpan = Range | { from: number; to: number };
export type SeriesSource = "raw" | "rollup" | "hourly";

export interface SeriesWindow {
  from: number;
  to: number;
  bucketMs: number;
  source: SeriesSource;
}

export const isRange = (span: SeriesSpan): span is Range => CHART_RANGES.includes(span as Range);

export function seriesWindow(span: SeriesSpan, now: number): SeriesWindow {
  const { from, to } = isRange(span) ? { from: now - RANGE_SPAN_MS[span], to: now } : span;
  let bucketMs = BUCKETS.find((b) => b >= (to - from) / POINTS) ?? BUCKETS.at(-1)!;
  if (bucketMs < MINUTE && from < now - RAW_KEPT_MS) bucketMs = MINUTE;
  const source = bucketMs < MINUTE ? "raw" : bucketMs < HOUR ? "rollup" : "hourly";
  return { from, to, bucketMs, source };
}
