"use client";

// The audit log: whether its hash chain verifies, filters, free-text search, CSV export.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ChainStatus } from "@/components/audit/chain-status";
import { useTRPC } from "@/components/trpc/client";
import { ClockTime } from "@/components/ui/clock-time";
import { EmptyState, QueryStates } from "@/components/ui/query-states";

interface Filters {
  actor?: string;
  cluster?: string;
  action?: string;
  q?: string;
  since?: string;
  until?: string;
}

export function AuditLog() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({});
  const query = { limit: 200, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) };
  const entries = useQuery(
    trpc.audit.list.queryOptions(query, { refetchInterval: 10_000, placeholderData: keepPreviousData }),
  );
  const asText = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const csv = `/api/v1/audit?${new URLSearchParams({ ...asText, limit: "1000", format: "csv" })}`;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (k: string) => String(form.get(k) ?? "").trim() || undefined;
    setFilters({
      actor: value("actor"),
      cluster: value("cluster"),
      action: value("action"),
      q: value("q"),
      since: value("since"),
      until: value("until"),
    });
  }

  return (
    <div className="stack">
      <div className="audit-head">
        <ChainStatus />
        <a className="button" href={csv} download="audit.csv">
          Export CSV
        </a>
      </div>
      <form className="panel audit-filters" onSubmit={apply} aria-label="Filter the audit log">
        <label>
          Actor
          <input name="actor" placeholder="email or system" />
        </label>
        <label>
          Cluster
          <input name="cluster" />
        </label>
        <label>
          Action
          <input name="action" placeholder="e.g. action. or guard.override" />
        </label>
        <label>
          From
          <input name="since" type="datetime-local" />
        </label>
        <label>
          To
          <input name="until" type="datetime-local" />
        </label>
        <label>
          Search
          <input name="q" type="search" placeholder="reason, outcome, target" />
        </label>
        <button type="submit">Filter</button>
      </form>
      <QueryStates query={entries} what="the audit log" empty={<EmptyState title="No entries match" />}>
        {(rows) => (
          <div className="panel scroll-x">
            <table className="data">
              <caption className="skip-link">Audit entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">When</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.seq}>
                    <td className="num">{row.seq}</td>
                    <td>
                      <ClockTime at={row.at} />
                    </td>
                    <td>{row.actor}</td>
                    <th scope="row">
                      <code>{row.action}</code>
                    </th>
                    <td>{row.target}</td>
                    <td>{row.reason ?? <span className="muted">–</span>}</td>
                    <td>
                      {row.outcome}
                      {(row.details as { step?: string } | null)?.step ? (
                        <div className="muted">{(row.details as { step: string }).step}</div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStates>
    </div>
  );
}
