import { AgentTokensTable } from "@/components/agents/agent-tokens-table";

export default function AgentsPage() {
  return (
    <>
      <div className="page-head">
        <h1>Agents</h1>
        <span className="muted">Each node&apos;s agent has its own token; it may report only for that node.</span>
      </div>
      <AgentTokensTable />
    </>
  );
}
