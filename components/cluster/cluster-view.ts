// The cluster page's view as its URL keeps it, so a link opens the same view: the selected node
// (?node=orders-db-2), the charts' range (?range=24h) and the span they are zoomed to (?from=&to=,
// epoch milliseconds or ISO times). Read leniently: a value the page cannot use is dropped.
import { MIN_SPAN_MS, type TimeSpan } from "@/components/charts/zoom-span";
import { CHART_RANGES, type Range } from "@/lib/chart-ranges";

export interface ClusterView {
  node: string | null;
  range: Range;
  span: TimeSpan | null;
}

export const DEFAULT_RANGE: Range = "15m";
/** The server's longest zoomed span (server/trpc/fields.ts). */
const MAX_SPAN_MS = 92 * 24 * 3_600_000;

function time(value: string | null): number | null {
  if (!value) return null;
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

export function clusterView(params: URLSearchParams): ClusterView {
  const from = time(params.get("from"));
  const to = time(params.get("to"));
  const fits = from !== null && to !== null && to - from >= MIN_SPAN_MS && to - from <= MAX_SPAN_MS;
  return {
    node: params.get("node")?.slice(0, 200) || null,
    range: CHART_RANGES.find((r) => r === params.get("range")) ?? DEFAULT_RANGE,
    span: fits ? { from, to } : null,
  };
}

/** The query string of a view ("" for the default one), with the default range left out. */
export function clusterSearch(view: ClusterView): string {
  const query = new URLSearchParams();
  if (view.node) query.set("node", view.node);
  if (view.range !== DEFAULT_RANGE) query.set("range", view.range);
  if (view.span) {
    query.set("from", String(Math.round(view.span.from)));
    query.set("to", String(Math.round(view.span.to)));
  }
  return query.size ? `?${query}` : "";
}
