import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseQuery } from "@/server/api/body";
import { hasRole } from "@/lib/roles";
import { auditCsv, auditQuerySchema, listAudit } from "@/server/audit/list";
import { chainStatus } from "@/server/audit/status";
import { db } from "@/server/db/client";
import { z } from "zod";

export const dynamic = "force-dynamic";

const walkSchema = z.object({ full: z.enum(["0", "1"], "full must be 0 or 1").optional() });

export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const url = new URL(request.url);
  const query = parseQuery(request, auditQuerySchema);
  if (query instanceof Response) return query;
  const walk = parseQuery(request, walkSchema);
  if (walk instanceof Response) return walk;
  // A full walk reads the whole log: on demand for admins, nightly on the leader for everyone.
  const full = walk.full === "1";
  if (full && !hasRole(caller.role, "admin")) {
    const message = `full=1 (a walk of the whole audit log) needs the admin role; the caller is ${caller.role}.`;
    return apiError(403, "forbidden", message);
  }
  const entries = await listAudit(db(), query);
  if (url.searchParams.get("format") === "csv") {
    return new Response(auditCsv(entries), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit.csv"' },
    });
  }
  return Response.json({ entries, chain: await chainStatus(db(), { full }) });
}
