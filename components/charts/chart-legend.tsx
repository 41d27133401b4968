// A chart's series under it, each by its line (colour and dash) or its fill and its name.
import { seriesStyle } from "./palette";

export function SeriesSwatch({ index, filled = false }: { index: number; filled?: boolean }) {
  const { stroke, strokeDasharray } = seriesStyle(index);
  return (
    <svg width="22" height="10" aria-hidden="true" className="swatch">
      {filled ? <rect x="1" y="1" width="20" height="8" fill={stroke} fillOpacity={0.35} /> : null}
      <line
        x1="1"
        y1="5"
        x2="21"
        y2="5"
        stroke={stroke}
        strokeWidth="2"
        strokeDasharray={filled ? undefined : strokeDasharray}
      />
    </svg>
  );
}

export function ChartLegend({ keys, filled = false }: { keys: string[]; filled?: boolean }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {keys.map((key, i) => (
        <li key={key}>
          <SeriesSwatch index={i} filled={filled} />
          {key}
        </li>
      ))}
    </ul>
  );
}
