// Time on a chart's axis and in its tooltip, in the viewer's zone: seconds when the ticks are
// seconds apart, clock times within a day, and the day itself at midnight or when ticks are days apart.
const DAY_LABEL: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric" };

export function timeTickLabel(stepMs: number): (t: number) => string {
  return (t) => {
    const date = new Date(t);
    const midnight = date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0;
    if (stepMs >= 86_400_000 || (midnight && stepMs >= 3_600_000)) return date.toLocaleDateString(undefined, DAY_LABEL);
    const seconds = stepMs < 60_000 ? { second: "2-digit" as const } : {};
    return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", ...seconds });
  };
}

/** The viewer's zone east of UTC at `t`, for ticks on the local clock's round values. */
export const zoneOffsetMs = (t: number) => -new Date(t).getTimezoneOffset() * 60_000;

export const tooltipTime = (t: number) =>
  new Date(t).toLocaleString(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
  });
