import { ActionHistory } from "@/components/actions/action-history";
import { HISTORY_PAGE, historyFilters } from "@/components/actions/history-query";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export default async function ActionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = historyFilters(await searchParams);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.actions.list.queryOptions({ ...filters, limit: HISTORY_PAGE })),
    queryClient.prefetchQuery(trpc.fleet.overview.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>Actions</h1>
        <span className="muted">Every failover, switchover, drain and fence: who asked, when, and how it ended.</span>
      </div>
      <ActionHistory />
    </HydrateClient>
  );
}
