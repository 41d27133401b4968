import { DrillView } from "@/components/drills/drill-view";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export default async function DrillPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await getQueryClient().prefetchQuery(trpc.drills.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <DrillView id={id} />
    </HydrateClient>
  );
}
