"use client";

// Every cluster's drill schedule: off by default; when on, what it runs, when next, and how the
// last due run went (its drill, or why it was skipped).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCan } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import { ClockTime } from "@/components/ui/clock-time";
import { ErrorState, Skeleton } from "@/components/ui/states";
import type { Mode } from "@/lib/modes";
import { SCENARIO_LABEL } from "./labels";
import { ScheduleDialog } from "./schedule-dialog";

const when = (at: Date | string | null) => (at ? <ClockTime at={at} /> : "–");

export function DrillSchedules() {
  const trpc = useTRPC();
  const canOperate = useCan("operator");
  const overview = useQuery(trpc.fleet.overview.queryOptions());
  const schedules = useQuery(trpc.drills.schedules.queryOptions(undefined, { refetchInterval: 15_000 }));
  const error = overview.error ?? schedules.error;
  if (error)
    return (
      <ErrorState
        title="The console could not load the drill schedules"
        detail={error.message}
        onRetry={() => void schedules.refetch()}
      />
    );
  if (!overview.data || !schedules.data)
    return (
      <div className="panel" role="status" aria-busy="true" aria-label="Loading schedules">
        <Skeleton height="80px" />
      </div>
    );
  const byCluster = new Map(schedules.data.map((s) => [s.cluster, s]));
  return (
    <div className="panel">
      <table className="data schedules" aria-label="Drill schedules">
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            <th scope="col">Schedule</th>
            <th scope="col">Scenario</th>
            <th scope="col">Next run</th>
            <th scope="col">Last due run</th>
            {canOperate ? (
              <th scope="col">
                <span className="visually-hidden">Edit</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {overview.data.map((cluster) => {
            const s = byCluster.get(cluster.name);
            return (
              <tr key={cluster.name}>
                <th scope="row">{cluster.name}</th>
                <td>
                  {s?.enabled ? <span title={s.cron}>{s.reading}</span> : <span className="muted">off</span>}
                  {s?.blocked.length ? (
                    <span className="muted">
                      {" "}
                      · {s.blocked.length} blocked window{s.blocked.length > 1 ? "s" : ""}
                    </span>
                  ) : null}
                </td>
                <td>{s?.enabled ? SCENARIO_LABEL[s.scenario] : "–"}</td>
                <td className="nowrap">{s?.enabled ? when(s.nextRunAt) : "–"}</td>
                <td>
                  {s?.lastSkip ? (
                    <span className="problem-warning">skipped: {s.lastSkip}</span>
                  ) : s?.lastDrillId ? (
                    <Link href={`/drills/${s.lastDrillId}`} className="link">
                      {when(s.lastRunAt)}
                    </Link>
                  ) : (
                    "–"
                  )}
                </td>
                {canOperate ? (
                  <td>
                    <ScheduleDialog
                      key={s?.updatedAt ? String(s.updatedAt) : "new"}
                      cluster={cluster.name}
                      mode={cluster.mode as Mode}
                      current={s ?? null}
                    />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
