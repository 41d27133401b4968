import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentView } from "@/components/incidents/incident-view";
import { foundOr404 } from "@/components/trpc/found-or-404";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Not an incident's number at all: the same not-found page as an unknown one.
  if (!/^[1-9][0-9]{0,17}$/.test(id)) notFound();
  await foundOr404(getQueryClient().fetchQuery(trpc.incidents.get.queryOptions({ id })));
  return (
    <HydrateClient>
      <IncidentView id={id} />
    </HydrateClient>
  );
}
