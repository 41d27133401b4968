// Liveness of the console and its database, for load balancers and monitors.
import type { Db } from "../db/client.ts";

export interface Health {
  status: "ok" | "degraded";
  db: "ok" | "down";
  dbLatencyMs?: number;
  error?: string;
  checkedAt: string;
}

const DB_TIMEOUT_MS = 2_000;

/** Prisma puts the reason on the last line of a multi-line message. */
function lastLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? "unknown error";
}

export async function checkHealth(db: Db, now: () => number = Date.now): Promise<Health> {
  const started = now();
  const checkedAt = new Date(started).toISOString();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", db: "ok", dbLatencyMs: now() - started, checkedAt };
  } catch (error) {
    return { status: "degraded", db: "down", error: lastLine(error), checkedAt };
  } finally {
    clearTimeout(timer);
  }
}
