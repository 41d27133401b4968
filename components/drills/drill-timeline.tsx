"use client";

// The phases of a drill on one time axis (seconds from the drill's start), coloured by outcome,
// with marks for the fault, the detection and the return to service.
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import { duration } from "@/lib/format";
import type { DrillDocument } from "@/server/drills/read";
import { drillOrigin } from "./drill-clock";

const COLOUR: Record<string, string> = {
  SUCCEEDED: "var(--healthy)",
  FAILED: "var(--down)",
  RUNNING: "var(--accent)",
  SKIPPED: "var(--text-muted)",
  PENDING: "var(--border)",
};

export function DrillTimeline({ drill, now }: { drill: DrillDocument; now: number }) {
  const origin = drillOrigin(drill);
  const s = (at: Date | string | number) => Math.max(0, (new Date(at).getTime() - origin) / 1000);
  const rows = drill.phases
    .filter((p) => p.startedAt)
    .map((p) => ({
      name: p.name,
      status: p.status,
      offset: s(p.startedAt!),
      length: Math.max(0.05, s(p.finishedAt ?? now) - s(p.startedAt!)),
    }));
  const injected = drill.injectedAt ? s(drill.injectedAt) : null;
  const marks = [
    injected !== null ? { at: injected, label: "fault" } : null,
    injected !== null && drill.measurements.detectionMs !== null
      ? { at: injected + drill.measurements.detectionMs / 1000, label: "detected" }
      : null,
    injected !== null && drill.measurements.rtoMs
      ? { at: injected + drill.measurements.rtoMs / 1000, label: "serving" }
      : null,
  ].filter((m): m is { at: number; label: string } => m !== null);
  return (
    <ChartFrame
      title="Timeline"
      unit="seconds from the start of the drill"
      empty={rows.length ? null : "No phase has started yet."}
    >
      <ResponsiveContainer width="100%" height={44 * Math.max(rows.length, 1) + 40}>
        <BarChart data={rows} layout="vertical" margin={{ top: 16, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis
            type="number"
            unit=" s"
            domain={[0, "dataMax"]}
            tick={{ fill: "var(--text-muted)", fontSize: 12 }}
            allowDecimals={false}
          />
          <YAxis type="category" dataKey="name" width={70} tick={{ fill: "var(--text)", fontSize: 12 }} />
          <Tooltip
            cursor={{ fill: "var(--surface-2, transparent)" }}
            formatter={(value, key) => (key === "length" ? [duration(Number(value) * 1000), "took"] : null)}
            labelFormatter={(label) => `${label}`}
          />
          <Bar dataKey="offset" stackId="t" fill="transparent" isAnimationActive={false} />
          <Bar
            dataKey="length"
            stackId="t"
            isAnimationActive={false}
            shape={(props: {
              x?: number;
              y?: number;
              width?: number;
              height?: number;
              payload?: { status: string };
            }) => (
              <rect
                x={props.x}
                y={props.y}
                width={Math.max(2, props.width ?? 0)}
                height={props.height}
                rx={3}
                fill={COLOUR[props.payload?.status ?? "PENDING"]}
              />
            )}
          />
          {marks.map((m) => (
            <ReferenceLine
              key={m.label}
              x={m.at}
              stroke="var(--text-muted)"
              strokeDasharray="4 3"
              label={{ value: m.label, position: "top", fill: "var(--text-muted)", fontSize: 11 }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
