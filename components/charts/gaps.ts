// Where a series has no data, the chart shows a gap rather than a line across the outage. Rows hold
// one column per series; a missing column is a bucket with no sample of that series.
export type SeriesRow = { t: number } & Record<string, number | null>;

export interface GappedRows {
  rows: SeriesRow[];
  /** `${t} ${key}` of the points filled in across a short hole: drawn, but not measured. */
  bridged: Set<string>;
}

export const pointKey = (t: number, key: string) => `${t} ${key}`;

/**
 * Rows to draw with nulls not connected: a series breaks where its samples are more than twice
 * `stepMs` apart (a node down, the console stopped) and is bridged, in a straight line, across a
 * shorter hole (a poll landing in the next bucket), so jitter never reads as an outage. A sample
 * stored without a value (a node that answered nothing) stays a gap.
 */
export function withGaps(input: SeriesRow[], keys: string[], stepMs: number): GappedRows {
  const rows = [...input].sort((a, b) => a.t - b.t).map((row) => ({ ...row }));
  const bridged = new Set<string>();
  const breaks = new Map<number, string[]>();
  for (const key of keys) {
    const present = rows.flatMap((row, i) => (typeof row[key] === "number" ? [i] : []));
    for (let p = 1; p < present.length; p++) {
      const i = present[p - 1]!;
      const j = present[p]!;
      const a = rows[i]!;
      const b = rows[j]!;
      if (b.t - a.t > 2 * stepMs) {
        if (j > i + 1) rows[i + 1]![key] = null;
        else breaks.set(a.t + stepMs, [...(breaks.get(a.t + stepMs) ?? []), key]);
        continue;
      }
      for (let k = i + 1; k < j; k++) {
        const row = rows[k]!;
        if (row[key] !== undefined) continue;
        row[key] = a[key]! + ((b[key]! - a[key]!) * (row.t - a.t)) / (b.t - a.t);
        bridged.add(pointKey(row.t, key));
      }
    }
  }
  const added = [...breaks].map(([t, gapKeys]) => ({ t, ...Object.fromEntries(gapKeys.map((k) => [k, null])) }));
  return { rows: [...rows, ...added].sort((a, b) => a.t - b.t), bridged };
}
