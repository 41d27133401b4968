"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCan } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import { ClockTime } from "@/components/ui/clock-time";
import type { Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/query-states";
import { QueryTable } from "@/components/ui/query-table";
import { SecretNotice } from "@/components/ui/secret-notice";

interface Revealed {
  target: string;
  token: string;
}

export function AgentTokensTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isAdmin = useCan("admin");
  const agents = useQuery(trpc.agents.list.queryOptions());
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const rotate = useMutation(
    trpc.agents.rotateToken.mutationOptions({
      onSuccess: (result, input) => {
        setRevealed({ target: `${input.cluster}/${input.node}`, token: result.token });
        return queryClient.invalidateQueries({ queryKey: trpc.agents.list.queryKey() });
      },
    }),
  );

  type AgentRow = NonNullable<typeof agents.data>[number];
  const columns: Column<AgentRow>[] = [
    {
      header: "Node",
      rowHeader: true,
      cell: (row) => (
        <>
          {row.name}
          <div className="muted">{row.cluster.name}</div>
        </>
      ),
    },
    { header: "Agent URL", cell: (row) => <code>{row.agentUrl}</code> },
    {
      header: "Token",
      cell: (row) =>
        row.agentTokenCreatedAt ? (
          <>
            set <ClockTime at={row.agentTokenCreatedAt} />
          </>
        ) : (
          <span className="muted">none</span>
        ),
    },
    {
      header: "Last report",
      cell: (row) => (row.lastSeenAt ? <ClockTime at={row.lastSeenAt} /> : <span className="muted">never</span>),
    },
  ];
  // Only admins rotate tokens, so only they get the column of buttons.
  const actions: Column<AgentRow> = {
    header: "Actions",
    hideHeader: true,
    className: "num",
    cell: (row) => (
      <button
        type="button"
        disabled={rotate.isPending}
        aria-label={`${row.agentTokenCreatedAt ? "Rotate" : "Create"} token for ${row.name}`}
        onClick={() => rotate.mutate({ cluster: row.cluster.name, node: row.name })}
      >
        {row.agentTokenCreatedAt ? "Rotate token" : "Create token"}
      </button>
    ),
  };

  return (
    <div className="stack">
      {revealed ? (
        <SecretNotice
          label="New agent token"
          testId="agent-token"
          secret={revealed.token}
          onDone={() => setRevealed(null)}
        >
          <strong>New token for {revealed.target}.</strong> Copy it into the agent&apos;s configuration now: it is shown
          only this once, and the previous token no longer works.
        </SecretNotice>
      ) : null}
      {rotate.error ? (
        <p className="form-error" role="alert">
          {rotate.error.message}
        </p>
      ) : null}
      <QueryTable
        query={agents}
        what="agents"
        empty={<EmptyState title="No nodes yet" />}
        columns={isAdmin ? [...columns, actions] : columns}
        rowKey={(row) => `${row.cluster.name}/${row.name}`}
      />
    </div>
  );
}
