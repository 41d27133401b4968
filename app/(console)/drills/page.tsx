import { DrillHistory } from "@/components/drills/drill-history";
import { NewDrillLink } from "@/components/drills/new-drill-link";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export default async function DrillsPage() {
  await getQueryClient().prefetchQuery(trpc.drills.list.queryOptions({ limit: 50 }));
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
    </HydrateClient>
  );
}
