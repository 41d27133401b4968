"use client";

// A cluster's incidents of the last 30 days, newest first: what, when it started, how long it lasted
// (or that it still does) and whether a drill caused it; each opens its timeline.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { pollUnlessNotFound } from "@/components/trpc/not-found";
import { ClockTime } from "@/components/ui/clock-time";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, QueryStates } from "@/components/ui/query-states";
import { RelativeTime } from "@/components/ui/relative-time";
import { duration } from "@/lib/format";
import { incidentHref } from "@/lib/links";
import type { IncidentSummary } from "@/server/incidents/read";

const columns = [
  {
    header: "Incident",
    rowHeader: true,
    cell: (i: IncidentSummary) => (
      <>
        <Link href={incidentHref(i.id)}>{i.title}</Link>
        {i.drillId ? (
          <span className="tag drill-tag" title="Caused by a drill's own fault">
            drill
          </span>
        ) : null}
      </>
    ),
  },
  {
    header: "Started",
    cell: (i: IncidentSummary) => (
      <span className="nowrap">
        <ClockTime at={i.start} />{" "}
        <span className="muted">
          (<RelativeTime at={i.start} />)
        </span>
      </span>
    ),
  },
  {
    header: "Lasted",
    className: "num",
    cell: (i: IncidentSummary) =>
      i.end ? duration(i.durationMs) : <strong className="ongoing">ongoing, {duration(i.durationMs)}</strong>,
  },
];

export function IncidentList({ cluster }: { cluster: string }) {
  const trpc = useTRPC();
  const incidents = useQuery(
    trpc.incidents.list.queryOptions(
      { cluster },
      { refetchInterval: pollUnlessNotFound(5_000), placeholderData: keepPreviousData },
    ),
  );
  const empty = (
    <EmptyState title="No incident in the last 30 days">
      An incident opens when a node is first suspect or down (or split-brain) and closes when all is well again.
    </EmptyState>
  );
  return (
    <QueryStates query={incidents} what="the incidents" empty={empty}>
      {(rows) => <DataTable caption="Incidents, newest first" rows={rows} rowKey={(i) => i.id} columns={columns} />}
    </QueryStates>
  );
}
