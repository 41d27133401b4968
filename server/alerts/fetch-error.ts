// Why a webhook POST got no answer, in words: fetch says only "fetch failed" and keeps the reason
// (ECONNREFUSED, a DNS failure, a timeout) in its cause.
export function fetchError(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ECONNREFUSED") return "connection refused";
  if (cause?.code === "ENOTFOUND") return "host not found";
  return cause?.message ?? cause?.code ?? error.message;
}
