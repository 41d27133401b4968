"use client";

// A relative time ("12 s ago") with the absolute time on hover.
import { ago } from "../../lib/format";

export function RelativeTime({ at, now }: { at: Date | string | number | null; now?: number }) {
  if (at === null) return <span className="muted">never</span>;
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={date.toString()} suppressHydrationWarning>
      {ago(date, now)}
    </time>
  );
}
