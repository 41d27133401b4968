import { controlPulses } from "@/server/health/live";

export const dynamic = "force-dynamic";

export function GET() {
  const live = controlPulses().liveness();
  return Response.json(live, { status: live.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
