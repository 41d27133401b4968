// What the overview shows for each state of its data: loading, failed, empty, stale or fresh.
import type { ReactNode } from "react";
import type { ClusterSummary } from "@/server/fleet/overview";
import { StaleBanner } from "@/components/ui/stale-banner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { ClusterTable } from "./cluster-table";
import { OverviewSkeleton } from "./overview-skeleton";

export interface OverviewViewProps {
  clusters: ClusterSummary[] | undefined;
  error: string | undefined;
  updatedAt: number;
  onRetry: () => void;
  actions?: (cluster: ClusterSummary) => ReactNode;
  offerFixes?: boolean;
}

export function OverviewView({ clusters, error, updatedAt, onRetry, actions, offerFixes }: OverviewViewProps) {
  if (!clusters) {
    return error ? (
      <ErrorState title="The console could not load its clusters" detail={error} onRetry={onRetry} />
    ) : (
      <OverviewSkeleton />
    );
  }
  return (
    <>
      {error ? <StaleBanner error={error} updatedAt={updatedAt} /> : null}
      {clusters.length === 0 ? (
        <EmptyState title="No clusters yet">
          Clusters appear here once they are configured. A fresh embedded console seeds a demo fleet on first start.
        </EmptyState>
      ) : (
        <ClusterTable clusters={clusters} actions={actions} offerFixes={offerFixes} />
      )}
    </>
  );
}
