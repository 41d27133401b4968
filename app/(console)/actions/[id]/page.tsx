import { ActionProgress } from "@/components/actions/action-progress";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await getQueryClient().prefetchQuery(trpc.actions.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <ActionProgress id={id} />
    </HydrateClient>
  );
}
