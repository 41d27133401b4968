// Axis ticks at round values, as a reader counts: time at round clock steps in the viewer's zone,
// values at 1/2/5 × 10^n, bytes at powers of two (so they read 256 KiB, 512 KiB, 1 MiB).
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const TIME_STEPS = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

export interface Ticks {
  step: number;
  ticks: number[];
}

/**
 * Round times within [from, to], at most `count` of them. `offsetMs` is the viewer's zone east of
 * UTC (+1 h in Paris in winter), so hour and day ticks fall on the local clock's round values.
 */
export function timeTicks(from: number, to: number, count = 6, offsetMs = 0): Ticks {
  const span = Math.max(to - from, 1);
  const step = TIME_STEPS.find((s) => span / s <= count) ?? TIME_STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + offsetMs) / step) * step - offsetMs; t <= to; t += step) ticks.push(t);
  return { step, ticks };
}

/** The smallest 1, 2 or 5 × 10^n at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough * (1 - 1e-9));
  return step ?? 10 * power;
}

/** Ticks from 0 past `max` at a 1/2/5 step; `least` keeps an all-zero series from a zero-height axis. */
export function valueTicks(max: number, count = 4, least = 1): Ticks {
  return ticksUpTo(Math.max(max, least), niceStep(Math.max(max, least) / count));
}

/** Ticks from 0 past `max` bytes at a power-of-two step (at least 1 B). */
export function byteTicks(max: number, count = 4, least = 1024): Ticks {
  const top = Math.max(max, least);
  return ticksUpTo(top, 2 ** Math.max(0, Math.ceil(Math.log2(top / count))));
}

function ticksUpTo(max: number, step: number): Ticks {
  const n = Math.max(1, Math.ceil(max / step - 1e-9));
  // Multiplying (not adding) keeps 0.1-steps free of float drift: 0.3, not 0.30000000000000004.
  return { step, ticks: Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12))) };
}
