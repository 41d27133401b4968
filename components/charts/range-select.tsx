"use client";

// The time range of a cluster's charts, as a radio group (arrow keys move between choices).
import type { Range } from "@/server/fleet/series";

const RANGES: { value: Range; label: string }[] = [
  { value: "15m", label: "15 min" },
  { value: "1h", label: "1 h" },
  { value: "24h", label: "24 h" },
  { value: "7d", label: "7 d" },
];

export function RangeSelect({ value, onChange }: { value: Range; onChange: (range: Range) => void }) {
  return (
    <fieldset className="segmented">
      <legend className="skip-link">Time range</legend>
      {RANGES.map((range) => (
        <label key={range.value} className={value === range.value ? "checked" : undefined}>
          <input type="radio" name="range" value={range.value} checked={value === range.value} onChange={() => onChange(range.value)} />
          {range.label}
        </label>
      ))}
    </fieldset>
  );
}
