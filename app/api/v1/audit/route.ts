import { apiCaller } from "@/server/api/authenticate";
import { parseQuery } from "@/server/api/body";
import { auditCsv, auditQuerySchema, listAudit } from "@/server/audit/list";
import { verifyChain } from "@/server/audit/verify";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const url = new URL(request.url);
  const query = parseQuery(request, auditQuerySchema);
  if (query instanceof Response) return query;
  const entries = await listAudit(db(), query);
  if (url.searchParams.get("format") === "csv") {
    return new Response(auditCsv(entries), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit.csv"' } });
  }
  const { verified, brokenAt } = await verifyChain(db());
  return Response.json({ entries, chain: brokenAt === undefined ? { verified } : { verified, brokenAt } });
}
