// Numbers with their units, alike on every page, chart and event text: one rule each, so 90 s
// reads "1.5 min" wherever a person reads it, and a whole number never carries a ".0".

/** `value` with `digits` decimals, less a trailing ".0": "2.6", "2", not "2.0". */
const fixed = (value: number, digits: number) => value.toFixed(digits).replace(/\.0+$/, "");

export function bytes(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = value;
  let unit = 0;
  while (Math.abs(v) >= 1024 && unit < units.length - 1) {
    v /= 1024;
    unit++;
  }
  return `${unit === 0 ? Math.round(v) : fixed(v, v < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A node's role as the console sees it: a former primary awaiting rejoin says so, not "unknown". */
export function roleLabel(node: { role: string; needsRejoin: boolean }): string {
  return node.needsRejoin ? "former primary" : node.role;
}

/** The one duration format: "850 ms", "2.6 s", "14 s", "1.5 min", "2 h". */
export function duration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${fixed(ms / 1_000, ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${fixed(ms / 60_000, 1)} min`;
  return `${fixed(ms / 3_600_000, 1)} h`;
}

/** A duration held in seconds (replication lag, an RPO budget), said as every other duration. */
export function seconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return value === 0 ? "0 s" : duration(value * 1_000);
}

/** Replication lag as bytes and time behind: "1.5 MiB / 400 ms". */
export function lag(lagBytes: number | null | undefined, lagSeconds: number | null | undefined): string {
  return `${bytes(lagBytes ?? 0)} / ${seconds(lagSeconds ?? 0)}`;
}

/** Minutes of downtime or budget, said as every other duration. */
export function minutes(value: number): string {
  return value === 0 ? "0 min" : duration(value * 60_000);
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
