import type { Metadata } from "next";
import { NewDrillForm } from "@/components/drills/new-drill-form";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export const metadata: Metadata = { title: "New drill" };

export default async function NewDrillPage({ searchParams }: { searchParams: Promise<{ cluster?: string }> }) {
  const { cluster } = await searchParams;
  await getQueryClient().prefetchQuery(trpc.fleet.overview.queryOptions());
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>New drill</h1>
        <span className="muted">
          A click-through drill: you advance each phase and may abort at any moment; the cluster is restored either way.
        </span>
      </div>
      <NewDrillForm initialCluster={typeof cluster === "string" ? cluster : undefined} />
    </HydrateClient>
  );
}
