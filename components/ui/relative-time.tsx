"use client";

// A relative time ("3 min ago") with the absolute time, and UTC, on hover.
import { ago } from "@/lib/format";
import { timeTitle } from "@/lib/time";

export function RelativeTime({ at, now }: { at: Date | string | number | null; now?: number }) {
  if (at === null) return <span className="muted">never</span>;
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={timeTitle(date)} suppressHydrationWarning>
      {ago(date, now)}
    </time>
  );
}
