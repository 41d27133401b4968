import type { Metadata } from "next";
import { AgentTokensTable } from "@/components/agents/agent-tokens-table";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  await getQueryClient().prefetchQuery(trpc.agents.list.queryOptions());
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>Agents</h1>
        <span className="muted">Each node&apos;s agent has its own token; it may report only for that node.</span>
      </div>
      <AgentTokensTable />
    </HydrateClient>
  );
}
