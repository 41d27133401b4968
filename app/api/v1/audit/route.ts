import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseQuery } from "@/server/api/body";
import { hasRole } from "@/lib/roles";
import { auditApiQuerySchema, auditCsv, listAudit } from "@/server/audit/list";
import { chainStatus } from "@/server/audit/status";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const query = parseQuery(request, auditApiQuerySchema);
  if (query instanceof Response) return query;
  // A full walk reads the whole log: on demand for admins, nightly on the leader for everyone.
  const full = query.full === "1";
  if (full && !hasRole(caller.role, "admin")) {
    const message = `full=1 (a walk of the whole audit log) needs the admin role; the caller is ${caller.role}.`;
    return apiError(403, "forbidden", message);
  }
  const entries = await listAudit(db(), query);
  if (query.format === "csv") {
    return new Response(auditCsv(entries), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit.csv"' },
    });
  }
  return Response.json({ entries, chain: await chainStatus(db(), { full }) });
}
