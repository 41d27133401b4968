"use client";

// A wall-clock time in the reader's own time zone, with the full timestamp on hover.
export function ClockTime({ at }: { at: Date | number }) {
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={date.toString()} suppressHydrationWarning>
      {date.toLocaleTimeString()}
    </time>
  );
}
