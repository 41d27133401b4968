// The Actions page's filters as its URL keeps them: read leniently (a value the page does not know
// is dropped, not an error page) and written back as a shareable link.
import { filtersHref, paramOf, type SearchParamsLike } from "@/components/ui/url-filters";
import { ACTION_STATUSES, ACTION_TYPES, type ActionStatus, type ActionType } from "@/lib/actions";

export interface HistoryFilters {
  cluster?: string;
  type?: ActionType;
  status?: ActionStatus;
  /** The id of the last action of the page before: the page shows older ones. */
  before?: string;
}

export const HISTORY_PAGE = 50;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((known) => known === value);

export function historyFilters(params: SearchParamsLike) {
  const get = (key: string) => paramOf(params, key);
  const filters: HistoryFilters = {
    cluster: get("cluster")?.slice(0, 200),
    type: oneOf(ACTION_TYPES, get("type")),
    status: oneOf(ACTION_STATUSES, get("status")),
    before: get("before")?.slice(0, 100),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as HistoryFilters;
}

export const historyHref = (filters: HistoryFilters): string => filtersHref("/actions", filters);
