import { db } from "@/server/db/client";
import { checkHealth, type Health } from "@/server/health/check";

export const dynamic = "force-dynamic";

export async function GET() {
  let health: Health;
  try {
    health = await checkHealth(db());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    health = { status: "degraded", db: "down", error: message, checkedAt: new Date().toISOString() };
  }
  return Response.json(health, {
    status: health.db === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
