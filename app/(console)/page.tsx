import type { Metadata } from "next";
import { ClusterOverview } from "@/components/fleet/cluster-overview";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Clusters" };

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  await getQueryClient().prefetchQuery(trpc.fleet.overview.queryOptions());
  return (
    <HydrateClient>
      <ClusterOverview />
    </HydrateClient>
  );
}
