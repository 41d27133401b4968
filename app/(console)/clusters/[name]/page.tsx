import type { Metadata } from "next";
import { ClusterPage } from "@/components/cluster/cluster-page";
import { foundOr404 } from "@/components/trpc/found-or-404";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

type Params = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function ClusterRoute({ params }: Params) {
  const name = decodeURIComponent((await params).name);
  const queryClient = getQueryClient();
  await foundOr404(queryClient.fetchQuery(trpc.fleet.cluster.queryOptions({ name })));
  await queryClient.prefetchQuery(trpc.fleet.events.queryOptions({ name, limit: 50 }));
  return (
    <HydrateClient>
      <ClusterPage name={name} />
    </HydrateClient>
  );
}
