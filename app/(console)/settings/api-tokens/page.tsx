import type { Metadata } from "next";
import { headers } from "next/headers";
import { ApiTokensPanel } from "@/components/api-tokens/api-tokens-panel";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { ErrorState } from "@/components/ui/states";
import { hasRole } from "@/lib/roles";
import { sessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await sessionUser(await headers());
  if (!user || !hasRole(user.role, "admin")) {
    return (
      <ErrorState title="API tokens are managed by admins" detail={`You are signed in as ${user?.role ?? "nobody"}.`} />
    );
  }
  await getQueryClient().prefetchQuery(trpc.apiTokens.list.queryOptions());
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>API tokens</h1>
        <span className="muted">
          For scripts and monitoring: <code>Authorization: Bearer &lt;token&gt;</code> on <code>/api/v1/…</code>; a
          token acts with its user&apos;s role.
        </span>
      </div>
      <ApiTokensPanel />
    </HydrateClient>
  );
}
