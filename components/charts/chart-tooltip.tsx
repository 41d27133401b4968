// The crosshair's tooltip: the time, every series' value there (or that it has none), the stack's
// total, and the markers that fall in that bucket.
import type { ChartMarker } from "@/server/fleet/chart-markers";
import { SeriesSwatch } from "./chart-legend";
import { pointKey, type SeriesRow } from "./gaps";
import { absoluteTime } from "@/lib/time";

export interface TooltipData {
  rows: Map<number, SeriesRow>;
  keys: string[];
  bridged: Set<string>;
  markers: ChartMarker[];
  stepMs: number;
  format: (value: number) => string;
  stacked: boolean;
}

export function ChartTooltip({ t, data }: { t: number; data: TooltipData }) {
  const row = data.rows.get(t);
  const value = (key: string) => {
    const v = row?.[key];
    return typeof v === "number" && !data.bridged.has(pointKey(t, key)) ? v : null;
  };
  const values = data.keys.map(value);
  const near = data.markers.filter((m) => Math.abs(m.at - t) <= data.stepMs / 2);
  return (
    <div className="chart-tooltip">
      <strong>{absoluteTime(t)}</strong>
      <table>
        <tbody>
          {data.keys.map((key, i) => {
            const v = values[i] ?? null;
            return (
              <tr key={key}>
                <td>
                  <SeriesSwatch index={i} filled={data.stacked} /> {key}
                </td>
                <td className={v === null ? "muted" : undefined}>{v === null ? "no data" : data.format(v)}</td>
              </tr>
            );
          })}
          {data.stacked && data.keys.length > 1 ? (
            <tr className="chart-tooltip-total">
              <td>total</td>
              <td>{data.format(values.reduce<number>((sum, v) => sum + (v ?? 0), 0))}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {near.map((m) => (
        <div key={`${m.kind}-${m.at}`} className={`chart-tooltip-marker marker-${m.kind}`}>
          {m.label}
        </div>
      ))}
    </div>
  );
}
