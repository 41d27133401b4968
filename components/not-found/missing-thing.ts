// What a not-found address was asking for, in words: "cluster orders-dbx", "drill 42", or the path itself.
const KINDS: [prefix: string, kind: string][] = [
  ["/clusters/", "cluster"],
  ["/actions/", "action"],
  ["/drills/", "drill"],
  ["/settings/webhooks/", "webhook endpoint"],
];

export function missingThing(pathname: string): string {
  for (const [prefix, kind] of KINDS) {
    const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : "";
    if (rest && !rest.includes("/")) return `${kind} ${safeDecode(rest)}`;
  }
  return `page at ${pathname}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
