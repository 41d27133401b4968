"use client";

// The Actions page's filters: each choice goes into the URL at once (in the browser's history, with
// no round trip to the server) and starts from the newest.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { currentParams, showFilters } from "@/components/ui/url-filters";
import { ACTION_STATUSES, ACTION_TYPES } from "@/lib/actions";
import { type HistoryFilters, historyFilters, historyHref } from "./history-query";

export function ActionHistoryFilters({ filters }: { filters: HistoryFilters }) {
  const trpc = useTRPC();
  const clusters = useQuery(trpc.fleet.overview.queryOptions()).data?.map((c) => c.name) ?? [];
  const choose = (key: "cluster" | "type" | "status", value: string) => {
    const { before: _newest, ...rest } = historyFilters(currentParams());
    showFilters(historyHref({ ...rest, [key]: value || undefined }));
  };
  // A cluster from a shared link is offered even before the fleet has loaded (or once it is gone).
  const clusterOptions =
    filters.cluster && !clusters.includes(filters.cluster) ? [filters.cluster, ...clusters] : clusters;
  return (
    <form className="panel audit-filters" aria-label="Filter the actions" onSubmit={(e) => e.preventDefault()}>
      <label>
        Cluster
        <select data-page-search value={filters.cluster ?? ""} onChange={(e) => choose("cluster", e.target.value)}>
          <option value="">All clusters</option>
          {clusterOptions.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label>
        Type
        <select value={filters.type ?? ""} onChange={(e) => choose("type", e.target.value)}>
          <option value="">All types</option>
          {ACTION_TYPES.map((type) => (
            <option key={type}>{type}</option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select value={filters.status ?? ""} onChange={(e) => choose("status", e.target.value)}>
          <option value="">Any status</option>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
