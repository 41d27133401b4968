import type { Metadata } from "next";
import { DrillHistory } from "@/components/drills/drill-history";
import { DrillSchedules } from "@/components/drills/drill-schedules";
import { NewDrillLink } from "@/components/drills/new-drill-link";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Drills" };

export default async function DrillsPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.drills.list.queryOptions({ limit: 50 })),
    queryClient.prefetchQuery(trpc.drills.schedules.queryOptions()),
    queryClient.prefetchQuery(trpc.fleet.overview.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="page-head">
        <div>
          <h1>Drills</h1>
          <span className="muted">Failover drills prove the failover works before the night it has to.</span>
        </div>
        <NewDrillLink />
      </div>
      <DrillHistory />
      <div className="section-head">
        <h2>Schedules</h2>
        <span className="muted">
          Off by default; a scheduled drill runs unattended within the pre-checks and sends its result as a drill.result
          webhook.
        </span>
      </div>
      <DrillSchedules />
    </HydrateClient>
  );
}
