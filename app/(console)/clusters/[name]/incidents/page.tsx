import type { Metadata } from "next";
import Link from "next/link";
import { IncidentList } from "@/components/incidents/incident-list";
import { foundOr404 } from "@/components/trpc/found-or-404";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { clusterHref } from "@/lib/links";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ params }: { params: Promise<{ name: string }> }) {
  const cluster = decodeURIComponent((await params).name);
  await foundOr404(getQueryClient().fetchQuery(trpc.incidents.list.queryOptions({ cluster })));
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>Incidents of {cluster}</h1>
        <span className="muted">
          Each outage from its first suspect node to its resolution, with its timeline and a Markdown export for the
          postmortem. <Link href={clusterHref(cluster)}>Back to {cluster}</Link>
        </span>
      </div>
      <IncidentList cluster={cluster} />
    </HydrateClient>
  );
}
