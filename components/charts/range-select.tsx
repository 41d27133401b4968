"use client";

// The time range of a cluster's charts, as a radio group (arrow keys move between choices); none is
// checked while the charts are zoomed to a span of their own.
import { CHART_RANGES, RANGE_LABEL, type Range } from "@/lib/chart-ranges";

export function RangeSelect({ value, onChange }: { value: Range | null; onChange: (range: Range) => void }) {
  return (
    <fieldset className="segmented">
      <legend className="skip-link">Time range</legend>
      {CHART_RANGES.map((range) => (
        <label key={range} className={value === range ? "checked" : undefined}>
          <input type="radio" name="range" value={range} checked={value === range} onChange={() => onChange(range)} />
          {RANGE_LABEL[range]}
        </label>
      ))}
    </fieldset>
  );
}
