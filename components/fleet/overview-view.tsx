// What the overview shows for each state of its data: loading, failed, empty, stale or fresh.
import type { ReactNode } from "react";
import type { ClusterSummary } from "@/server/fleet/overview";
import { ClockTime } from "@/components/ui/clock-time";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { ClusterTable } from "./cluster-table";
import { OverviewSkeleton } from "./overview-skeleton";

export interface OverviewViewProps {
  clusters: ClusterSummary[] | undefined;
  error: string | undefined;
  updatedAt: number;
  onRetry: () => void;
  actions?: (cluster: ClusterSummary) => ReactNode;
}

export function OverviewView({ clusters, error, updatedAt, onRetry, actions }: OverviewViewProps) {
  if (!clusters) {
    return error ? (
      <ErrorState title="The console could not load its clusters" detail={error} onRetry={onRetry} />
    ) : (
      <OverviewSkeleton />
    );
  }
  return (
    <>
      {error ? (
        <div className="notice" role="status">
          <strong>Stale data.</strong>
          <span>
            The console API is not answering ({error}). Showing what it said at <ClockTime at={updatedAt} />;
            retrying on its own.
          </span>
        </div>
      ) : null}
      {clusters.length === 0 ? (
        <EmptyState title="No clusters yet">
          Clusters appear here once they are configured. A fresh embedded console seeds a demo fleet on first start.
        </EmptyState>
      ) : (
        <ClusterTable clusters={clusters} actions={actions} />
      )}
    </>
  );
}
