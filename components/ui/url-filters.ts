// Filters a page keeps in its URL, so a filtered view is a link that survives a reload: read
// leniently from the server's searchParams or the browser's, and written back in the browser's
// history with no round trip to the server (the page's useSearchParams follows).

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** One parameter's first value, or null when absent or empty. */
export function paramOf(params: SearchParamsLike, key: string): string | null {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(value) ? value[0] : value) || null;
}

/** The filters that are set, as a link to the page. */
export function filtersHref(path: string, filters: object): string {
  const set = Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]);
  const query = new URLSearchParams(set);
  return query.size ? `${path}?${query}` : path;
}

/** The URL's filters now, not the last render's: two changes in quick succession both count. */
export const currentParams = () => new URLSearchParams(window.location.search);

export function showFilters(href: string) {
  window.history.replaceState(null, "", href);
}
