// Time on a chart's axis, in the viewer's zone and the 24-hour clock every other time uses
// (lib/time.ts): seconds when the ticks are seconds apart, clock times within a day, and the day
// itself at midnight or when ticks are days apart. Tooltips say the full time with lib/time's absoluteTime.
const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric" });
const CLOCK = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const CLOCK_SECONDS = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function timeTickLabel(stepMs: number): (t: number) => string {
  return (t) => {
    const date = new Date(t);
    const midnight = date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0;
    if (stepMs >= 86_400_000 || (midnight && stepMs >= 3_600_000)) return DAY.format(date);
    return (stepMs < 60_000 ? CLOCK_SECONDS : CLOCK).format(date);
  };
}

/** The viewer's zone east of UTC at `t`, for ticks on the local clock's round values. */
export const zoneOffsetMs = (t: number) => -new Date(t).getTimezoneOffset() * 60_000;
