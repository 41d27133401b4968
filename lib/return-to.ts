// Where sign-in sends a person back to: the page they asked for, so a deep link shared in an incident
// channel survives the sign-in. Only a path on this console: never another origin ("//evil.example",
// "/\\evil.example" are read as one by browsers), never the sign-in page itself.
export const RETURN_TO_HEADER = "x-return-to";

export function returnTo(asked: string | null | undefined): string {
  if (!asked || asked.length > 2_000) return "/";
  if (!asked.startsWith("/") || asked.startsWith("//")) return "/";
  // Control characters and backslashes have no place in a console path and can confuse URL parsing.
  if ([...asked].some((c) => c === "\\" || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return "/";
  const path = new URL(asked, "http://console.invalid");
  if (path.origin !== "http://console.invalid" || path.pathname.startsWith("/sign-in")) return "/";
  return `${path.pathname}${path.search}${path.hash}`;
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInFor(path: string): string {
  const back = returnTo(path);
  return back === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(back)}`;
}
