"use client";

// The audit log: whether its hash chain verifies, filters kept in the URL, CSV export of the same
// filtered view.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { ChainStatus } from "@/components/audit/chain-status";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState, QueryStates } from "@/components/ui/query-states";
import { AuditFilterForm } from "./audit-filters";
import { AUDIT_PAGE, auditFilters } from "./audit-query";
import { AuditTable } from "./audit-table";

export function AuditLog() {
  const trpc = useTRPC();
  const filters = auditFilters(useSearchParams());
  const entries = useQuery(
    trpc.audit.list.queryOptions(
      { limit: AUDIT_PAGE, ...filters },
      { refetchInterval: 10_000, placeholderData: keepPreviousData },
    ),
  );
  const csv = `/api/v1/audit?${new URLSearchParams({ ...filters, limit: "1000", format: "csv" })}`;
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="stack">
      <div className="audit-head">
        <ChainStatus />
        <a className="button" href={csv} download="audit.csv">
          Export CSV
        </a>
      </div>
      <AuditFilterForm filters={filters} />
      <QueryStates
        query={entries}
        what="the audit log"
        empty={
          <EmptyState title={filtered ? "No entries match" : "No entries yet"}>
            {filtered ? "Clear a filter to see more." : null}
          </EmptyState>
        }
      >
        {(rows) => <AuditTable rows={rows} />}
      </QueryStates>
    </div>
  );
}
