// An ordered list edited in the page until it is saved as a whole (hooks, client routes): moving an
// item, telling the draft from what the server has, and naming the item a server error points at.

/** The list with the item at `index` swapped with its neighbour `by` places away; unchanged at an end. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  const copy = [...list];
  if (to < 0 || to >= list.length) return copy;
  [copy[index], copy[to]] = [copy[to] as T, copy[index] as T];
  return copy;
}

/** Whether two lists hold the same items in the same order (items compared by what they say). */
export const sameItems = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The server names a field by its index ("hooks.2.url: url must be an http(s) URL"), which the reader
 * cannot see; said with the item's name instead: "url of notify-ci: url must be an http(s) URL".
 */
export function namedError(message: string, list: string, names: readonly string[]): string {
  const match = new RegExp(`^${list}\\.(\\d+)\\.([^:]+):`).exec(message);
  const name = match ? names[Number(match[1])] : undefined;
  if (!match || name === undefined) return message;
  return `${match[2]} of ${name}:${message.slice(match[0].length)}`;
}
