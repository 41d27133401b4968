"use client";

// A cluster's client routes, each with what it moves at a failover, and a button to remove it from
// the list on the page (saved as a whole later). TSIG secrets are never shown, nor sent back.
import type { Column } from "@/components/ui/data-table";
import { DataTable } from "@/components/ui/data-table";
import { describeRoute, ROUTE_KIND_LABELS, type Route } from "./route-fields";

export function RoutesTable({ routes, onRemove }: { routes: Route[]; onRemove: (name: string) => void }) {
  const columns: Column<Route>[] = [
    { header: "Name", rowHeader: true, className: "nowrap", cell: (route) => route.name },
    { header: "Kind", cell: (route) => ROUTE_KIND_LABELS[route.kind] },
    { header: "What", cell: (route) => describeRoute(route) },
    {
      header: "Actions",
      hideHeader: true,
      className: "num nowrap",
      cell: (route) => (
        <button type="button" onClick={() => onRemove(route.name)} aria-label={`Remove ${route.name}`}>
          Remove
        </button>
      ),
    },
  ];
  return <DataTable rows={routes} columns={columns} rowKey={(route) => route.name} caption="Client routes" scroll />;
}
