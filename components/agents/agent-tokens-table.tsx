"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCan } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import { ClockTime } from "@/components/ui/clock-time";
import { EmptyState, QueryStates } from "@/components/ui/query-states";
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

  return (
    <div className="stack">
      {revealed ? (
        <SecretNotice label="New agent token" testId="agent-token" secret={revealed.token} onDone={() => setRevealed(null)}>
          <strong>New token for {revealed.target}.</strong> Copy it into the agent&apos;s configuration now: it is
          shown only this once, and the previous token no longer works.
        </SecretNotice>
      ) : null}
      {rotate.error ? <p className="form-error" role="alert">{rotate.error.message}</p> : null}
      <QueryStates query={agents} what="agents" empty={<EmptyState title="No nodes yet" />}>
        {(rows) => (
          <div className="panel">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Node</th>
                  <th scope="col">Agent URL</th>
                  <th scope="col">Token</th>
                  <th scope="col">Last report</th>
                  {isAdmin ? <th scope="col"><span className="skip-link">Actions</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.cluster.name}/${row.name}`}>
                    <th scope="row">
                      {row.name}
                      <div className="muted">{row.cluster.name}</div>
                    </th>
                    <td><code>{row.agentUrl}</code></td>
                    <td>{row.agentTokenCreatedAt ? <>set <ClockTime at={row.agentTokenCreatedAt} /></> : <span className="muted">none</span>}</td>
                    <td>{row.lastSeenAt ? <ClockTime at={row.lastSeenAt} /> : <span className="muted">never</span>}</td>
                    {isAdmin ? (
                      <td className="num">
                        <button
                          type="button"
                          disabled={rotate.isPending}
                          aria-label={`${row.agentTokenCreatedAt ? "Rotate" : "Create"} token for ${row.name}`}
                          onClick={() => rotate.mutate({ cluster: row.cluster.name, node: row.name })}
                        >
                          {row.agentTokenCreatedAt ? "Rotate token" : "Create token"}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStates>
    </div>
  );
}
