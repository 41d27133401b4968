"use client";

// The cluster's charts over the range or zoomed span its URL holds: replication lag against the RPO
// budget, traffic per node (stacked, so the total request rate and each share read off one chart),
// poll latency and the health timeline, each marked with the span's failovers, switchovers, drills
// and nodes down. The previous span stays on screen while a new one loads.
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import type { ClusterDetail } from "@/server/fleet/cluster-detail";
import type { ClusterSeries } from "@/server/fleet/series";
import { ChartFrame } from "@/components/charts/chart-frame";
import { HealthTimeline } from "@/components/charts/health-timeline";
import { SeriesChart, type SeriesChartProps } from "@/components/charts/line-series-chart";
import { MarkerList } from "@/components/charts/marker-list";
import { useTRPC } from "@/components/trpc/client";
import { rate } from "@/lib/format";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { LagChart } from "./lag-chart";
import { withData } from "./series-keys";
import type { ClusterView } from "./cluster-view";
import { TrendsHead } from "./trends-head";
import type { ChangeView } from "./use-cluster-view";

const ms = (v: number) => (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
const bucket = (v: number) =>
  v >= 3_600_000 ? `${v / 3_600_000} h` : v >= 60_000 ? `${v / 60_000} min` : `${v / 1000} s`;
type Shared = Pick<SeriesChartProps, "from" | "to" | "stepMs" | "markers" | "onZoom">;

function Charts({ cluster, data, shared }: { cluster: ClusterDetail; data: ClusterSeries; shared: Shared }) {
  const traffic = withData(data.requestsPerSec, data.nodes);
  const latency = withData(data.latencyMs, data.nodes);
  return (
    <>
      {cluster.mode === "active-passive" ? <LagChart cluster={cluster} data={data} shared={shared} /> : null}
      {traffic.length || cluster.mode === "active-active" ? (
        <ChartFrame
          title="Requests per node (stacked)"
          unit="req/s; the stack's top is the total"
          empty={traffic.length ? null : "No traffic figures in this range yet."}
        >
          <SeriesChart {...shared} data={data.requestsPerSec} keys={traffic} format={rate} stacked />
        </ChartFrame>
      ) : null}
      <ChartFrame
        title="Poll latency"
        unit="ms, mean per bucket"
        empty={latency.length ? null : "No polls in this range yet."}
      >
        <SeriesChart {...shared} data={data.latencyMs} keys={latency} format={ms} />
      </ChartFrame>
      <figure className="panel chart chart-wide" aria-label="Health timeline">
        <figcaption>
          <strong>Health timeline</strong> <span className="muted">worst state per {bucket(data.bucketMs)}</span>
        </figcaption>
        {data.nodes.length ? (
          <HealthTimeline
            health={data.health}
            nodes={data.nodes}
            from={data.from}
            to={data.to}
            markers={shared.markers}
          />
        ) : (
          <p className="chart-empty muted">No samples in this range yet.</p>
        )}
      </figure>
    </>
  );
}

export function Trends({ cluster, view, change }: { cluster: ClusterDetail; view: ClusterView; change: ChangeView }) {
  const trpc = useTRPC();
  const { range, span } = view;
  const series = useQuery(
    trpc.fleet.series.queryOptions(span ? { name: cluster.name, range, span } : { name: cluster.name, range }, {
      refetchInterval: span ? false : range === "15m" || range === "1h" ? 5_000 : 60_000,
      placeholderData: keepPreviousData,
    }),
  );
  const data = series.data;
  const markers = useQuery(
    trpc.fleet.markers.queryOptions(data ? { name: cluster.name, span: { from: data.from, to: data.to } } : skipToken, {
      placeholderData: keepPreviousData,
    }),
  );
  return (
    <section aria-labelledby="trends-title">
      <TrendsHead view={view} change={change} />
      {!data ? (
        series.error ? (
          <ErrorState
            title="The console could not load the charts"
            detail={series.error.message}
            onRetry={() => void series.refetch()}
          />
        ) : (
          <div className="charts" role="status" aria-busy="true" aria-label="Loading charts">
            {[0, 1].map((i) => (
              <div key={i} className="panel chart">
                <Skeleton height="220px" />
              </div>
            ))}
          </div>
        )
      ) : (
        <>
          <div className="charts" aria-busy={series.isPlaceholderData}>
            <Charts
              cluster={cluster}
              data={data}
              shared={{
                from: data.from,
                to: data.to,
                stepMs: Math.max(data.bucketMs, cluster.intervalMs),
                markers: markers.data ?? [],
                onZoom: (zoomed) => change({ span: zoomed }),
              }}
            />
          </div>
          {markers.data ? <MarkerList markers={markers.data} /> : null}
        </>
      )}
    </section>
  );
}
