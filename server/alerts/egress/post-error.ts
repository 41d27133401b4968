// Why a webhook POST got no answer, in words. Only for targets that passed the policy: a refused
// one is never connected to, so what it says of internal ports cannot come back from here. Other
// messages may quote the receiver (its certificate's names): they are cleaned like an excerpt.
import { cleanText } from "./excerpt.ts";

const WORDS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found (no answer from DNS)",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
};

export function postError(error: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `no answer within ${timeoutMs} ms`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && WORDS[code]) return WORDS[code];
  return cleanText(error instanceof Error ? error.message : String(error));
}
