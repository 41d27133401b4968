"use client";

// The charts' heading: the range to choose (a radio group, so keyboard users choose one too), or the
// span they are zoomed to with the way back to the range.
import { RangeSelect } from "@/components/charts/range-select";
import { absoluteTime } from "@/lib/time";
import type { ClusterView } from "./cluster-view";
import type { ChangeView } from "./use-cluster-view";

export function TrendsHead({ view, change }: { view: ClusterView; change: ChangeView }) {
  return (
    <div className="section-head">
      <h2 id="trends-title">Trends</h2>
      <div className="trends-controls">
        {view.span ? (
          <>
            <span className="muted">
              Zoomed to {absoluteTime(view.span.from)} – {absoluteTime(view.span.to)}
            </span>
            <button type="button" onClick={() => change({ span: null })}>
              Reset zoom
            </button>
          </>
        ) : (
          <span className="muted">Drag across a chart to zoom</span>
        )}
        <RangeSelect value={view.span ? null : view.range} onChange={(range) => change({ range, span: null })} />
      </div>
    </div>
  );
}
