// Whether a tRPC error says the thing asked for does not exist: on the server a TRPCError, in the
// browser a TRPCClientError carrying the code in its data.
export function isNotFound(error: unknown): boolean {
  const { code, data } = (error ?? {}) as { code?: unknown; data?: { code?: unknown } };
  return code === "NOT_FOUND" || data?.code === "NOT_FOUND";
}

/** A poll that stops once the server says there is no such thing: a 404 is not asked again. */
export function pollUnlessNotFound<Q extends { state: { error: unknown } }>(
  ms: number | ((query: Q) => number | false),
) {
  return (query: Q) => {
    if (isNotFound(query.state.error)) return false;
    return typeof ms === "number" ? ms : ms(query);
  };
}
