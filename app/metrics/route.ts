import { EXPOSITION_CONTENT_TYPE } from "@/lib/metrics-exposition";
import { apiCaller } from "@/server/api/authenticate";
import { db } from "@/server/db/client";
import { consoleMetrics } from "@/server/metrics/console-metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  return new Response(await consoleMetrics(db()), { headers: { "content-type": EXPOSITION_CONTENT_TYPE } });
}
