// Replication lag per standby against the RPO budget; a budget far above the lag would flatten the
// lines, so it moves to the caption.
import type { ClusterDetail } from "@/server/fleet/cluster-detail";
import type { ClusterSeries } from "@/server/fleet/series";
import { ChartFrame } from "@/components/charts/chart-frame";
import { SeriesChart, type SeriesChartProps } from "@/components/charts/line-series-chart";
import { bytes } from "@/lib/format";
import { withData } from "./series-keys";

type Shared = Pick<SeriesChartProps, "from" | "to" | "stepMs" | "markers" | "onZoom">;

export function LagChart({ cluster, data, shared }: { cluster: ClusterDetail; data: ClusterSeries; shared: Shared }) {
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
        {...shared}
        data={data.lagBytes}
        keys={keys}
        format={bytes}
        axis="bytes"
        references={drawBudget ? [{ value: budget, label: `RPO budget ${bytes(budget)}` }] : []}
      />
    </ChartFrame>
  );
}
