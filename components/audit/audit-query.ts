// The audit page's filters as its URL keeps them, so a filtered view is a link: words as typed
// (bounded), times as ISO instants (a link means the same moment in every time zone); anything
// unreadable is dropped, not an error page.
import { filtersHref, paramOf, type SearchParamsLike } from "@/components/ui/url-filters";

export interface AuditFilters {
  actor?: string;
  cluster?: string;
  action?: string;
  q?: string;
  since?: string;
  until?: string;
}

export const AUDIT_PAGE = 200;
const TEXT_KEYS = ["actor", "cluster", "action", "q"] as const;

const instant = (value: string | null) => {
  const at = value ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : undefined;
};

export function auditFilters(params: SearchParamsLike): AuditFilters {
  const filters: AuditFilters = {
    ...Object.fromEntries(TEXT_KEYS.map((key) => [key, paramOf(params, key)?.trim().slice(0, 200)])),
    since: instant(paramOf(params, "since")),
    until: instant(paramOf(params, "until")),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as AuditFilters;
}

export const auditHref = (filters: AuditFilters) => filtersHref("/audit", filters);

/** An instant as a datetime-local field shows it: the reader's wall clock, to the minute. */
export function localInput(iso: string | undefined): string {
  if (!iso) return "";
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
