"use client";

// A time series per node as lines (or stacked areas), read like Grafana's: round ticks, a legend, a
// crosshair tooltip with every series' value, gaps where there was no data, markers for failovers,
// switchovers, drills and nodes down, optional reference lines (e.g. the RPO budget), and drag to zoom.
import { useMemo } from "react";
import {
  Area,
  AreaChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ChartMarker } from "@/server/fleet/chart-markers";
import { ChartLegend } from "./chart-legend";
import { ChartTooltip, type TooltipData } from "./chart-tooltip";
import { type SeriesRow, withGaps } from "./gaps";
import { labelledMarkers, MARKER_STYLE, MARKER_WORD } from "./markers";
import { seriesColour, seriesStyle } from "./palette";
import { byteTicks, timeTicks, valueTicks } from "./ticks";
import { timeTickLabel, zoneOffsetMs } from "./time-format";
import { useDragZoom } from "./use-drag-zoom";
import type { TimeSpan } from "./zoom-span";

export interface SeriesChartProps {
  data: SeriesRow[];
  keys: string[];
  from: number;
  to: number;
  /** How far apart a series' samples are expected: twice this without one is a gap. */
  stepMs: number;
  format: (value: number) => string;
  /** Bytes tick at powers of two, anything else at 1/2/5 steps. */
  axis?: "bytes" | "value";
  stacked?: boolean;
  /** Lines such as a budget; drawn only where they fit the data's scale (see the caption otherwise). */
  references?: { value: number; label: string }[];
  markers: ChartMarker[];
  onZoom: (span: TimeSpan) => void;
}

const TEXT = { stroke: "var(--text-muted)", fontSize: 11 };
const MARGIN = { top: 20, right: 16, bottom: 0, left: 8 };
const Y_AXIS_WIDTH = 84;

export function SeriesChart(props: SeriesChartProps) {
  const { keys, from, to, stepMs, format, axis = "value", stacked = false, references = [], markers } = props;
  // The keys arrive as a new array each render; their names decide.
  const names = keys.join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `names` stands for `keys`
  const gapped = useMemo(() => withGaps(props.data, keys, stepMs), [props.data, names, stepMs]);
  const zoom = useDragZoom(from, to, { left: MARGIN.left + Y_AXIS_WIDTH, right: MARGIN.right }, props.onZoom);
  const rows = gapped.rows;
  const peak = Math.max(
    0,
    ...references.map((r) => r.value),
    ...rows.map((row) => {
      const values = keys.map((k) => row[k] ?? 0);
      return stacked ? values.reduce((sum, v) => sum + v, 0) : Math.max(0, ...values);
    }),
  );
  const y = axis === "bytes" ? byteTicks(peak) : valueTicks(peak);
  const x = timeTicks(from, to, 6, zoneOffsetMs(from));
  const labelled = labelledMarkers(markers, from, to);
  const tooltip: TooltipData = {
    rows: new Map(rows.map((row) => [row.t, row])),
    keys,
    bridged: gapped.bridged,
    markers,
    stepMs,
    format,
    stacked,
  };
  const common = {
    data: rows,
    margin: MARGIN,
    syncId: "cluster-trends",
    syncMethod: "value" as const,
  };
  const axes = (
    <>
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[from, to]}
        allowDataOverflow
        ticks={x.ticks}
        tickFormatter={timeTickLabel(x.step)}
        {...TEXT}
      />
      <YAxis
        domain={[0, y.ticks.at(-1)!]}
        ticks={y.ticks}
        tickFormatter={(v: number) => format(v)}
        width={Y_AXIS_WIDTH}
        {...TEXT}
      />
      <Tooltip
        isAnimationActive={false}
        cursor={{ stroke: "var(--text-muted)", strokeWidth: 1 }}
        content={({ active, label }) =>
          active && label !== undefined ? <ChartTooltip t={Number(label)} data={tooltip} /> : null
        }
      />
      {references.map((r) => (
        <ReferenceLine
          key={r.label}
          y={r.value}
          stroke="var(--down)"
          strokeDasharray="4 4"
          label={{ value: r.label, position: "insideBottomLeft", fill: "var(--down)", fontSize: 11 }}
        />
      ))}
      {markers.map((m) => (
        <ReferenceLine
          key={`${m.kind}-${m.at}`}
          x={m.at}
          className={`chart-marker marker-${m.kind}`}
          {...MARKER_STYLE[m.kind]}
          label={
            labelled.has(m)
              ? { value: MARKER_WORD[m.kind], position: "top", fill: MARKER_STYLE[m.kind].stroke, fontSize: 11 }
              : undefined
          }
        />
      ))}
      {zoom.drag ? (
        <ReferenceArea
          x1={Math.min(zoom.drag.start, zoom.drag.end)}
          x2={Math.max(zoom.drag.start, zoom.drag.end)}
          fill="var(--accent)"
          fillOpacity={0.15}
        />
      ) : null}
    </>
  );
  return (
    <>
      <div className="chart-plot" {...zoom.handlers}>
        <ResponsiveContainer width="100%" height="100%">
          {stacked ? (
            <AreaChart {...common}>
              {axes}
              {keys.map((key, i) => (
                <Area
                  key={key}
                  dataKey={key}
                  name={key}
                  stackId="all"
                  type="monotone"
                  isAnimationActive={false}
                  stroke={seriesColour(i)}
                  fill={seriesColour(i)}
                  fillOpacity={0.35}
                  connectNulls={false}
                />
              ))}
            </AreaChart>
          ) : (
            <LineChart {...common}>
              {axes}
              {keys.map((key, i) => (
                <Line
                  key={key}
                  dataKey={key}
                  name={key}
                  type="monotone"
                  isAnimationActive={false}
                  dot={false}
                  strokeWidth={2}
                  {...seriesStyle(i)}
                  connectNulls={false}
                />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
      <ChartLegend keys={keys} filled={stacked} />
    </>
  );
}
