"use client";

// An absolute time: date, time and the reader's time zone, with UTC on hover.
import { absoluteTime, timeTitle } from "@/lib/time";

export function ClockTime({ at }: { at: Date | string | number }) {
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={timeTitle(date)} suppressHydrationWarning>
      {absoluteTime(date)}
    </time>
  );
}
