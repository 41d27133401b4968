"use client";

// The cluster's charts over a chosen range: replication lag against the RPO budget, traffic per
// node (stacked, so the total request rate and each share read off one chart), poll latency and
// the health timeline. The previous range stays on screen while a new one loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ClusterDetail } from "@/server/fleet/cluster-detail";
import type { Range } from "@/lib/chart-ranges";
import type { ClusterSeries } from "@/server/fleet/series";
import { ChartFrame } from "@/components/charts/chart-frame";
import { HealthTimeline } from "@/components/charts/health-timeline";
import { SeriesChart } from "@/components/charts/line-series-chart";
import { RangeSelect } from "@/components/charts/range-select";
import { useTRPC } from "@/components/trpc/client";
import { bytes, rate } from "@/lib/format";
import { ErrorState, Skeleton } from "@/components/ui/states";

const withData = (rows: Record<string, unknown>[], nodes: string[]) =>
  nodes.filter((n) => rows.some((row) => typeof row[n] === "number"));
const ms = (v: number) => (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);

/** Lag against the RPO budget; a budget far above the lag would flatten it, so it moves to the caption. */
function LagChart({ cluster, data }: { cluster: ClusterDetail; data: ClusterSeries }) {
  const keys = withData(data.lagBytes, data.nodes);
  const budget = cluster.rpoBudgetBytes;
  const peak = Math.max(0, ...data.lagBytes.flatMap((row) => keys.map((k) => row[k] ?? 0)));
  const drawBudget = budget > 0 && peak >= budget / 4;
  const unit = `bytes, max per bucket${budget > 0 && !drawBudget ? `; RPO budget ${bytes(budget)}, far above` : ""}`;
  return (
    <ChartFrame
      title="Replication lag per standby"
      unit={unit}
      empty={keys.length ? null : "No lag figures in this range yet."}
    >
      <SeriesChart
        data={data.lagBytes}
        keys={keys}
        from={data.from}
        to={data.to}
        format={bytes}
        references={drawBudget ? [{ value: budget, label: `RPO budget ${bytes(budget)}` }] : []}
      />
    </ChartFrame>
  );
}

export function Trends({ cluster }: { cluster: ClusterDetail }) {
  const trpc = useTRPC();
  const [range, setRange] = useState<Range>("15m");
  const series = useQuery(
    trpc.fleet.series.queryOptions(
      { name: cluster.name, range },
      { refetchInterval: range === "15m" || range === "1h" ? 5_000 : 60_000, placeholderData: keepPreviousData },
    ),
  );
  const data = series.data;
  return (
    <section aria-labelledby="trends-title">
      <div className="section-head">
        <h2 id="trends-title">Trends</h2>
        <RangeSelect value={range} onChange={setRange} />
      </div>
      {!data ? (
        series.error ? (
          <ErrorState
            title="The console could not load the charts"
            detail={series.error.message}
            onRetry={() => void series.refetch()}
          />
        ) : (
          <div className="charts" aria-busy="true" aria-label="Loading charts">
            {[0, 1].map((i) => (
              <div key={i} className="panel chart">
                <Skeleton height="220px" />
              </div>
            ))}
          </div>
        )
      ) : (
        <div className="charts" aria-busy={series.isPlaceholderData}>
          {cluster.mode === "active-passive" ? <LagChart cluster={cluster} data={data} /> : null}
          {withData(data.requestsPerSec, data.nodes).length || cluster.mode === "active-active" ? (
            <ChartFrame
              title="Requests per node (stacked)"
              unit="req/s; the stack's top is the total"
              empty={withData(data.requestsPerSec, data.nodes).length ? null : "No traffic figures in this range yet."}
            >
              <SeriesChart
                data={data.requestsPerSec}
                keys={withData(data.requestsPerSec, data.nodes)}
                from={data.from}
                to={data.to}
                format={rate}
                stacked
              />
            </ChartFrame>
          ) : null}
          <ChartFrame
            title="Poll latency"
            unit="ms, mean per bucket"
            empty={withData(data.latencyMs, data.nodes).length ? null : "No polls in this range yet."}
          >
            <SeriesChart
              data={data.latencyMs}
              keys={withData(data.latencyMs, data.nodes)}
              from={data.from}
              to={data.to}
              format={ms}
            />
          </ChartFrame>
          <figure className="panel chart chart-wide" aria-label="Health timeline">
            <figcaption>
              <strong>Health timeline</strong>{" "}
              <span className="muted">
                worst state per{" "}
                {data.bucketMs >= 3_600_000
                  ? `${data.bucketMs / 3_600_000} h`
                  : data.bucketMs >= 60_000
                    ? `${data.bucketMs / 60_000} min`
                    : `${data.bucketMs / 1000} s`}
              </span>
            </figcaption>
            {data.nodes.length ? (
              <HealthTimeline health={data.health} nodes={data.nodes} from={data.from} to={data.to} />
            ) : (
              <p className="chart-empty muted">No samples in this range yet.</p>
            )}
          </figure>
        </div>
      )}
    </section>
  );
}
