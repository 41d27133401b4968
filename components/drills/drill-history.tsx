"use client";

// Drill history: newest first, each with its outcome and figures, linking to its report.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { ClockTime } from "@/components/ui/clock-time";
import { bytes, duration } from "@/lib/format";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { outcomeLabel, SCENARIO_LABEL } from "./labels";

const ms = (value: number | null) => (value === null ? "–" : duration(value));

export function DrillHistory({ cluster }: { cluster?: string }) {
  const trpc = useTRPC();
  const drills = useQuery(trpc.drills.list.queryOptions({ cluster, limit: 50 }, { refetchInterval: 5_000 }));
  if (drills.error)
    return (
      <ErrorState
        title="The console could not load the drills"
        detail={drills.error.message}
        onRetry={() => void drills.refetch()}
      />
    );
  if (!drills.data)
    return (
      <div className="panel" role="status" aria-busy="true" aria-label="Loading drills">
        <Skeleton height="120px" />
      </div>
    );
  if (drills.data.length === 0)
    return (
      <EmptyState title="No drill yet">Run one to prove the failover works before the night it has to.</EmptyState>
    );
  return (
    <div className="panel">
      <table className="data" aria-label="Drill history">
        <thead>
          <tr>
            <th scope="col">Drill</th>
            <th scope="col">Cluster</th>
            <th scope="col">Started</th>
            <th scope="col">By</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Detection
            </th>
            <th scope="col" className="num">
              Failover
            </th>
            <th scope="col" className="num">
              RTO
            </th>
            <th scope="col" className="num">
              RPO
            </th>
          </tr>
        </thead>
        <tbody>
          {drills.data.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <Link href={`/drills/${d.id}`} className="link">
                  {SCENARIO_LABEL[d.scenario]}
                </Link>
              </th>
              <td>{d.cluster}</td>
              <td className="nowrap">
                <ClockTime at={d.createdAt} />
              </td>
              <td>{d.startedBy}</td>
              <td>
                <span className={`drill-outcome outcome-${outcomeLabel(d)}`} title={d.abortReason ?? undefined}>
                  {outcomeLabel(d)}
                </span>
              </td>
              <td className="num">{ms(d.measurements.detectionMs)}</td>
              <td className="num">{ms(d.measurements.failoverMs)}</td>
              <td className="num">{ms(d.measurements.rtoMs)}</td>
              <td className="num">{d.measurements.rpoBytes === null ? "–" : bytes(d.measurements.rpoBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
