import type { Metadata } from "next";
import { headers } from "next/headers";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { ErrorState } from "@/components/ui/states";
import { hasRole } from "@/lib/roles";
import { sessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await sessionUser(await headers());
  if (!user || !hasRole(user.role, "admin")) {
    return (
      <ErrorState title="Webhooks are managed by admins" detail={`You are signed in as ${user?.role ?? "nobody"}.`} />
    );
  }
  return <DeliveryLog id={(await params).id} />;
}
