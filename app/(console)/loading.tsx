import { OverviewSkeleton } from "@/components/fleet/overview-skeleton";

export default function Loading() {
  return (
    <>
      <div className="page-head">
        <h1>Clusters</h1>
      </div>
      <OverviewSkeleton />
    </>
  );
}
