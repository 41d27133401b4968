"use client";

import { useQuery } from "@tanstack/react-query";
import { useCan } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import { ClockTime } from "@/components/ui/clock-time";
import { OverviewView } from "./overview-view";
import { PauseButton } from "./pause-button";

const REFRESH_MS = 5_000;

export function ClusterOverview() {
  const trpc = useTRPC();
  const canOperate = useCan("operator");
  const overview = useQuery(trpc.fleet.overview.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  return (
    <>
      <div className="page-head">
        <h1>Clusters</h1>
        <span className="muted" aria-live="off">
          {overview.dataUpdatedAt ? (
            <>
              Updated <ClockTime at={overview.dataUpdatedAt} />
            </>
          ) : null}
        </span>
      </div>
      <OverviewView
        clusters={overview.data}
        error={overview.error?.message}
        updatedAt={overview.dataUpdatedAt}
        onRetry={() => void overview.refetch()}
        actions={canOperate ? (cluster) => <PauseButton cluster={cluster.name} paused={cluster.paused} /> : undefined}
        offerFixes={canOperate}
      />
    </>
  );
}
