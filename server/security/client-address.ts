// The caller's address for abuse limits. `next start` appends the socket's address to
// X-Forwarded-For, so the last entry is the real peer; each trusted proxy adds one more.
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return chain.at(-1 - trustedProxyHops) ?? chain[0] ?? "unknown";
}
