"use client";

// The Actions page: every action, newest first, filtered by cluster, type and status, the filters
// and the page kept in the URL so a link shows the same list.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState, QueryStates } from "@/components/ui/query-states";
import { ActionHistoryFilters } from "./action-history-filters";
import { ActionHistoryTable } from "./action-history-table";
import { HISTORY_PAGE, historyFilters, historyHref } from "./history-query";

export function ActionHistory() {
  const trpc = useTRPC();
  const filters = historyFilters(useSearchParams());
  const page = useQuery(
    trpc.actions.list.queryOptions(
      { ...filters, limit: HISTORY_PAGE },
      { refetchInterval: 5_000, placeholderData: keepPreviousData },
    ),
  );
  const { before, ...chosen } = filters;
  const filtered = Object.keys(chosen).length > 0;
  const empty = (
    <EmptyState title={before ? "No older actions" : filtered ? "No action matches" : "No action yet"}>
      {filtered
        ? "Clear a filter to see more."
        : "Failovers, switchovers, drains and the rest are listed here once someone runs one."}
    </EmptyState>
  );
  return (
    <div className="stack history">
      <ActionHistoryFilters filters={filters} />
      <QueryStates query={{ ...page, data: page.data?.actions }} what="the actions" empty={empty}>
        {(actions) => <ActionHistoryTable actions={actions} />}
      </QueryStates>
      <nav className="pager" aria-label="Pages of actions">
        {before ? <Link href={historyHref(chosen)}>Newest</Link> : null}
        {page.data?.next ? <Link href={historyHref({ ...chosen, before: page.data.next })}>Older actions</Link> : null}
      </nav>
    </div>
  );
}
