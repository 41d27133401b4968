// A chart's panel: title, what its axes measure, and an empty state when the range has no data.
import type { ReactNode } from "react";

export function ChartFrame({
  title,
  unit,
  empty,
  children,
}: {
  title: string;
  unit: string;
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <figure className="panel chart" aria-label={title}>
      <figcaption>
        <strong>{title}</strong> <span className="muted">{unit}</span>
      </figcaption>
      {empty ? <p className="chart-empty muted">{empty}</p> : <div className="chart-body">{children}</div>}
    </figure>
  );
}
