// The markers of the charts' span as a list under them, newest first, each linking to its action,
// drill or node: for keyboard and screen-reader users, and for markers whose word did not fit.
import Link from "next/link";
import type { ChartMarker } from "@/server/fleet/chart-markers";
import { MARKER_STYLE } from "./markers";
import { absoluteTime } from "@/lib/time";

const SHOWN = 8;

export function MarkerList({ markers }: { markers: ChartMarker[] }) {
  if (!markers.length) {
    return <p className="marker-list muted">No failover, switchover, drill or node down in this span.</p>;
  }
  const earlier = markers.length - SHOWN;
  return (
    <div className="marker-list">
      <ul aria-label="Marked on the charts">
        {markers
          .slice(-SHOWN)
          .reverse()
          .map((m) => (
            <li key={`${m.kind}-${m.at}`}>
              <svg width="8" height="14" aria-hidden="true" className="swatch">
                <line x1="4" y1="0" x2="4" y2="14" strokeWidth="2" {...MARKER_STYLE[m.kind]} />
              </svg>{" "}
              <time dateTime={new Date(m.at).toISOString()} className="muted">
                {absoluteTime(m.at)}
              </time>{" "}
              <Link href={m.href}>{m.label}</Link>
            </li>
          ))}
      </ul>
      {earlier > 0 ? <span className="muted">and {earlier} earlier: zoom in to see them</span> : null}
    </div>
  );
}
