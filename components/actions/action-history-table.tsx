"use client";

// One page of the action history: what was done where, by whom, when, how long it took and how it
// ended; each row links to the action's own page.
import Link from "next/link";
import type { ActionDocument } from "@/server/actions/read";
import { ClockTime } from "@/components/ui/clock-time";
import { DataTable } from "@/components/ui/data-table";
import { duration } from "@/lib/format";

const ICON = { PENDING: "○", RUNNING: "◐", SUCCEEDED: "✓", FAILED: "✗", ABORTED: "✗" } as const;

/** The wire gives dates as Dates (superjson); a row is read the same either way. */
function took(action: ActionDocument): string {
  if (!action.startedAt) return "–";
  if (!action.finishedAt) return "running";
  return duration(new Date(action.finishedAt).getTime() - new Date(action.startedAt).getTime());
}

export function ActionHistoryTable({ actions }: { actions: ActionDocument[] }) {
  return (
    <DataTable
      caption="Actions, newest first"
      scroll
      rows={actions}
      rowKey={(a) => a.id}
      columns={[
        {
          header: "Action",
          rowHeader: true,
          cell: (a) => (
            <Link href={`/actions/${encodeURIComponent(a.id)}`} className="link">
              {a.type}
            </Link>
          ),
        },
        { header: "Target", cell: (a) => a.target ?? <span className="muted">–</span> },
        { header: "Cluster", cell: (a) => a.cluster },
        {
          header: "Status",
          cell: (a) => (
            <span className={`action-status status-${a.status}`}>
              {ICON[a.status]} {a.status.toLowerCase()}
            </span>
          ),
        },
        { header: "By", cell: (a) => a.requestedBy ?? <span className="muted">unknown</span> },
        {
          header: "Requested",
          cell: (a) => (
            <span className="nowrap">
              <ClockTime at={a.createdAt} />
            </span>
          ),
        },
        { header: "Took", className: "num", cell: took },
        { header: "Reason", cell: (a) => a.reason },
      ]}
    />
  );
}
