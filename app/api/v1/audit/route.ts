import { apiCaller, apiError } from "@/server/api/authenticate";
import { auditCsv, auditQuerySchema, listAudit } from "@/server/audit/list";
import { verifyChain } from "@/server/audit/verify";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const url = new URL(request.url);
  const parsed = auditQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") ?? "query";
    return apiError(400, "bad_request", `${field}: ${parsed.error.issues[0]?.message ?? "invalid"}`, { field });
  }
  const entries = await listAudit(db(), parsed.data);
  if (url.searchParams.get("format") === "csv") {
    return new Response(auditCsv(entries), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit.csv"' } });
  }
  const { verified, brokenAt } = await verifyChain(db());
  return Response.json({ entries, chain: brokenAt === undefined ? { verified } : { verified, brokenAt } });
}
