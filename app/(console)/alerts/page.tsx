import { AlertsView } from "@/components/alerts/alerts-view";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import "./alerts.css";

export default async function AlertsPage() {
  await getQueryClient().prefetchQuery(trpc.alerts.list.queryOptions());
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>Alerts</h1>
        <span className="muted">
          Every open condition the console watches, from its first event until the one that resolves it.
        </span>
      </div>
      <AlertsView />
    </HydrateClient>
  );
}
