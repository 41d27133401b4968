import type { Metadata } from "next";
import { headers } from "next/headers";
import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { ErrorState } from "@/components/ui/states";
import { hasRole } from "@/lib/roles";
import { sessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const user = await sessionUser(await headers());
  if (!user || !hasRole(user.role, "admin")) {
    return (
      <ErrorState title="Webhooks are managed by admins" detail={`You are signed in as ${user?.role ?? "nobody"}.`} />
    );
  }
  await getQueryClient().prefetchQuery(trpc.webhooks.list.queryOptions());
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>Webhooks</h1>
        <span className="muted">
          Signed per Standard Webhooks; retried for about three days; a 410 answer disables the endpoint.
        </span>
      </div>
      <WebhooksPanel />
    </HydrateClient>
  );
}
