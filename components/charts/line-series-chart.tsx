"use client";

// A time series per node as lines (or stacked areas), with units on the axis, exact values in the
// tooltip and optional reference lines (e.g. the RPO budget).
import {
  Area,
  AreaChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { seriesColour, seriesStyle } from "./palette";
import { tickFormatter, tooltipTime } from "./time-format";

export interface SeriesChartProps {
  data: ({ t: number } & Record<string, number | null>)[];
  keys: string[];
  from: number;
  to: number;
  format: (value: number) => string;
  stacked?: boolean;
  /** Lines such as a budget; drawn only where they fit the data's scale (see the caption otherwise). */
  references?: { value: number; label: string }[];
}

export function SeriesChart({ data, keys, from, to, format, stacked = false, references = [] }: SeriesChartProps) {
  const common = {
    data,
    margin: { top: 8, right: 16, bottom: 0, left: 8 },
  };
  const axes = (
    <>
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[from, to]}
        tickFormatter={tickFormatter(to - from)}
        stroke="var(--text-muted)"
        fontSize={11}
      />
      <YAxis tickFormatter={(v: number) => format(v)} stroke="var(--text-muted)" fontSize={11} width={84} />
      <Tooltip
        labelFormatter={tooltipTime}
        formatter={(value, name) => [typeof value === "number" ? format(value) : "–", name]}
        contentStyle={{
          background: "var(--surface)",
          border: "1px solid var(--border)",
          color: "var(--text)",
          fontSize: 12,
        }}
      />
      {references.map((r) => (
        <ReferenceLine
          key={r.label}
          y={r.value}
          stroke="var(--down)"
          strokeDasharray="4 4"
          label={{ value: r.label, position: "insideTopRight", fill: "var(--down)", fontSize: 11 }}
          ifOverflow="extendDomain"
        />
      ))}
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={220}>
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
              connectNulls
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
              connectNulls
            />
          ))}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}
