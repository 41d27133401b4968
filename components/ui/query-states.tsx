"use client";

// The loading / failed / empty wrapper every data view shares.
import type { ReactNode } from "react";
import { EmptyState, ErrorState, Skeleton } from "./states";

interface QueryLike<T> {
  data: T | undefined;
  error: { message: string } | null;
  refetch: () => unknown;
}

export function QueryStates<T extends unknown[]>({
  query,
  what,
  empty,
  children,
}: {
  query: QueryLike<T>;
  what: string;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.data === undefined) {
    if (query.error) return <ErrorState title={`The console could not load ${what}`} detail={query.error.message} onRetry={() => void query.refetch()} />;
    return (
      <div className="panel" aria-busy="true" aria-label={`Loading ${what}`} style={{ padding: "var(--space-4)" }}>
        <Skeleton width="60%" />
      </div>
    );
  }
  if (query.data.length === 0) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

export { EmptyState };
