// When to try a delivery again: the Standard Webhooks schedule (at once, 5 s, 5 min, 30 min, 2 h,
// 5 h, 10 h, 14 h, 20 h, 24 h: about three days in all), each delay with ±10 % jitter so retries
// to one receiver do not arrive in lockstep.
export const STANDARD_SCHEDULE_MS = [
  0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000,
];

/** The delay before attempt number `attempt` (0-based), or null when there is none left. */
export function retryDelay(
  attempt: number,
  schedule: readonly number[] = STANDARD_SCHEDULE_MS,
  random = Math.random,
): number | null {
  const base = schedule[attempt];
  if (base === undefined) return null;
  return Math.round(base * (0.9 + 0.2 * random()));
}
