"use client";

// The loading / failed / empty wrapper every data view shares.
import type { ReactNode } from "react";
import { NotFoundView } from "@/components/not-found/not-found-view";
import { isNotFound } from "@/components/trpc/not-found";
import { EmptyState, ErrorState, LoadingPanel } from "./states";

export interface QueryLike<T> {
  data: T | undefined;
  error: { message: string } | null;
  refetch: () => unknown;
}

/**
 * Before the first answer: `loading` (a one-line busy panel unless the view has its own shape)
 * or the error with a retry. After it the data stays shown, so a failed refresh does not blank
 * the view; `empty` replaces a list with no entries. A thing the server says is not there (or no
 * longer) is the console's not-found page.
 */
export function QueryStates<T>({
  query,
  what,
  empty,
  loading,
  children,
}: {
  query: QueryLike<T>;
  what: string;
  empty?: ReactNode;
  loading?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (isNotFound(query.error)) return <NotFoundView />;
  if (query.data === undefined) {
    if (query.error) {
      const retry = () => void query.refetch();
      return <ErrorState title={`The console could not load ${what}`} detail={query.error.message} onRetry={retry} />;
    }
    return <>{loading ?? <LoadingPanel label={`Loading ${what}`} width="60%" />}</>;
  }
  if (empty !== undefined && Array.isArray(query.data) && query.data.length === 0) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

export { EmptyState };
