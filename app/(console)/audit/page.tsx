import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { AUDIT_PAGE, auditFilters } from "@/components/audit/audit-query";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = auditFilters(await searchParams);
  await getQueryClient().prefetchQuery(trpc.audit.list.queryOptions({ limit: AUDIT_PAGE, ...filters }));
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>Audit log</h1>
        <span className="muted">
          Append-only; each entry carries an HMAC-SHA256, under a key the database does not hold, over itself and the
          one before.
        </span>
      </div>
      <AuditLog />
    </HydrateClient>
  );
}
