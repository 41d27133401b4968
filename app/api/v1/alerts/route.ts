import { alertDocument } from "@/server/alerts/alert-document";
import { alertListQuerySchema, RESOLVED_LIMIT } from "@/server/alerts/alert-input";
import { listAlerts } from "@/server/alerts/alert-list";
import { apiCaller } from "@/server/api/authenticate";
import { parseQuery } from "@/server/api/body";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const query = parseQuery(request, alertListQuerySchema);
  if (query instanceof Response) return query;
  const alerts = await listAlerts(db(), { state: query.state, resolvedLimit: RESOLVED_LIMIT });
  return Response.json({ alerts: alerts.map(alertDocument) });
}
