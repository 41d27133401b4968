import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  await getQueryClient().prefetchQuery(trpc.audit.list.queryOptions({ limit: 200 }));
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
