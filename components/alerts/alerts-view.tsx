"use client";

// The Alerts page's body: the open conditions, each to acknowledge, then those resolved in the last week.
import { useQuery } from "@tanstack/react-query";
import { useCan } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, QueryStates } from "@/components/ui/query-states";
import { openColumns, resolvedColumns } from "./alert-columns";

export function AlertsView() {
  const trpc = useTRPC();
  const canAcknowledge = useCan("operator");
  const alerts = useQuery(trpc.alerts.list.queryOptions(undefined, { refetchInterval: 5_000 }));
  return (
    <QueryStates query={alerts} what="the alerts">
      {(rows) => {
        const open = rows.filter((a) => !a.resolvedAt);
        const resolved = rows.filter((a) => a.resolvedAt);
        return (
          <>
            <div className="section-head">
              <h2>Open</h2>
              <span className="muted">Acknowledging one stops its reminders until it resolves.</span>
            </div>
            {open.length ? (
              <DataTable
                rows={open}
                columns={openColumns(canAcknowledge)}
                rowKey={(a) => a.id}
                caption="Open alerts"
                scroll
              />
            ) : (
              <EmptyState title="No open alerts">Every condition the console watches is clear.</EmptyState>
            )}
            <div className="section-head">
              <h2>Resolved in the last 7 days</h2>
            </div>
            {resolved.length ? (
              <DataTable
                rows={resolved}
                columns={resolvedColumns}
                rowKey={(a) => a.id}
                caption="Resolved alerts"
                scroll
              />
            ) : (
              <p className="muted">None.</p>
            )}
          </>
        );
      }}
    </QueryStates>
  );
}
