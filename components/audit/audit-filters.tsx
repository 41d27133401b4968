"use client";

// The audit log's filters: applied into the URL (so the view is a link and survives a reload), read
// back from it into the fields; Clear shows the whole log again.
import type { FormEvent } from "react";
import { showFilters } from "@/components/ui/url-filters";
import { type AuditFilters, auditFilters, auditHref, localInput } from "./audit-query";

export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // A datetime-local field says the reader's wall clock: read here, in their time zone.
    showFilters(auditHref(auditFilters(new URLSearchParams([...form].map(([k, v]) => [k, String(v)])))));
  }
  const any = Object.keys(filters).length > 0;
  return (
    // Remade when the URL changes (Clear, back), so the fields say what is shown.
    <form key={auditHref(filters)} className="panel audit-filters" onSubmit={apply} aria-label="Filter the audit log">
      <label>
        Actor
        <input name="actor" placeholder="email or system" defaultValue={filters.actor} />
      </label>
      <label>
        Cluster
        <input name="cluster" defaultValue={filters.cluster} />
      </label>
      <label>
        Action
        <input name="action" placeholder="e.g. action. or guard.override" defaultValue={filters.action} />
      </label>
      <label>
        From
        <input name="since" type="datetime-local" defaultValue={localInput(filters.since)} suppressHydrationWarning />
      </label>
      <label>
        To
        <input name="until" type="datetime-local" defaultValue={localInput(filters.until)} suppressHydrationWarning />
      </label>
      <label>
        Search
        <input name="q" type="search" placeholder="reason, outcome, target" defaultValue={filters.q} />
      </label>
      <div className="filter-buttons">
        <button type="submit">Filter</button>
        {any ? (
          <button type="button" onClick={() => showFilters(auditHref({}))}>
            Clear
          </button>
        ) : null}
      </div>
    </form>
  );
}
