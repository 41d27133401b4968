// Numbers with their units, alike on every page, chart and event text: one rule each, so 90 s
// reads "1.5 min" wherever a person reads it.
export function bytes(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = value;
  let unit = 0;
  while (Math.abs(v) >= 1024 && unit < units.length - 1) {
    v /= 1024;
    unit++;
  }
  return `${unit === 0 ? Math.round(v) : v.toFixed(v < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A node's role as the console sees it: a former primary awaiting rejoin says so, not "unknown". */
export function roleLabel(node: { role: string; needsRejoin: boolean }): string {
  return node.needsRejoin ? "former primary" : node.role;
}

export function seconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return value < 10 ? `${value.toFixed(1)} s` : `${Math.round(value)} s`;
}

export function duration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** Minutes of downtime or budget: seconds below a minute, hours past two. */
export function minutes(value: number): string {
  if (value === 0) return "0 min";
  if (value < 1) return `${Math.round(value * 60)} s`;
  if (value < 120) return `${value.toFixed(1)} min`;
  return `${(value / 60).toFixed(1)} h`;
}

export function percent(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? "–" : `${(value * 100).toFixed(digits)} %`;
}

/** Availability like 99.995 %: enough digits to tell it from the target. */
export function availability(value: number | null): string {
  if (value === null) return "no data yet";
  if (value >= 99.99) return `${value.toFixed(3)} %`;
  return `${value.toFixed(2)} %`;
}

export function rate(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return value >= 100 ? `${Math.round(value)} req/s` : `${value.toFixed(1)} req/s`;
}

export function ago(at: Date | string | number | null, now = Date.now()): string {
  if (at === null) return "never";
  const ms = now - new Date(at).getTime();
  if (ms < 2_000) return "just now";
  if (ms < 60_000) return `${Math.round(ms / 1_000)} s ago`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h ago`;
  return `${Math.round(ms / 86_400_000)} d ago`;
}
