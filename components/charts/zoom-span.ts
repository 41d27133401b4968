// A time span a chart shows, and a dragged one made into a span the server draws.
export interface TimeSpan {
  from: number;
  to: number;
}

/** The server's least zoomed span (server/trpc/fields.ts): a few buckets. */
export const MIN_SPAN_MS = 60_000;

/** A dragged span in either direction, in whole milliseconds, widened about its middle to the least the server draws. */
export function zoomSpan(a: number, b: number): TimeSpan {
  const from = Math.round(Math.min(a, b));
  const to = Math.round(Math.max(a, b));
  if (to - from >= MIN_SPAN_MS) return { from, to };
  const start = Math.round((from + to - MIN_SPAN_MS) / 2);
  return { from: start, to: start + MIN_SPAN_MS };
}
