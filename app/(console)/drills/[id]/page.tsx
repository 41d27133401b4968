import type { Metadata } from "next";
import { DrillView } from "@/components/drills/drill-view";
import { foundOr404 } from "@/components/trpc/found-or-404";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Drill" };

export default async function DrillPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await foundOr404(getQueryClient().fetchQuery(trpc.drills.get.queryOptions({ id })));
  return (
    <HydrateClient>
      <DrillView id={id} />
    </HydrateClient>
  );
}
