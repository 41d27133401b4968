// Time ticks and tooltip times for a chart's range: clock times for a day or less, weekday and
// hour for a week.
export function tickFormatter(spanMs: number): (t: number) => string {
  return (t) => {
    const date = new Date(t);
    if (spanMs > 24 * 3_600_000) return date.toLocaleDateString(undefined, { weekday: "short", day: "numeric" });
    return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  };
}

export const tooltipTime = (t: unknown) => new Date(Number(t)).toLocaleString();
