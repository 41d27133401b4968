import { notFound } from "next/navigation";
import { ClusterPage } from "@/components/cluster/cluster-page";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export default async function ClusterRoute({ params }: { params: Promise<{ name: string }> }) {
  const name = decodeURIComponent((await params).name);
  const queryClient = getQueryClient();
  const cluster = await queryClient
    .fetchQuery(trpc.fleet.cluster.queryOptions({ name }))
    .catch((error: { code?: string; data?: { code?: string } }) => {
      if (error.data?.code === "NOT_FOUND" || error.code === "NOT_FOUND") return null;
      throw error;
    });
  if (!cluster) notFound();
  await queryClient.prefetchQuery(trpc.fleet.events.queryOptions({ name, limit: 50 }));
  return (
    <HydrateClient>
      <ClusterPage name={name} />
    </HydrateClient>
  );
}
