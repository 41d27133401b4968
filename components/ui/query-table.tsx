"use client";

// A data table fed by a query: the shared loading, failed and empty states, then the rows.
import type { ReactNode } from "react";
import { DataTable, type DataTableProps } from "./data-table";
import { QueryStates, type QueryLike } from "./query-states";

export function QueryTable<Row>({
  query,
  what,
  empty,
  ...table
}: DataTableProps<Row> & { query: QueryLike<Row[]>; what: string; empty: ReactNode }) {
  return (
    <QueryStates query={query} what={what} empty={empty}>
      {(rows) => <DataTable rows={rows} {...table} />}
    </QueryStates>
  );
}
