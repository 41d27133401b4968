import type { Metadata } from "next";
import { ActionProgress } from "@/components/actions/action-progress";
import { foundOr404 } from "@/components/trpc/found-or-404";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Action" };

export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await foundOr404(getQueryClient().fetchQuery(trpc.actions.get.queryOptions({ id })));
  return (
    <HydrateClient>
      <ActionProgress id={id} />
    </HydrateClient>
  );
}
