"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ClockTime } from "@/components/ui/clock-time";
import type { Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/query-states";
import { QueryTable } from "@/components/ui/query-table";
import { SecretNotice } from "@/components/ui/secret-notice";
import { ROLE_LABEL, ROLES, roleSchema } from "@/lib/roles";

export function ApiTokensPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiTokens.list.queryOptions());
  const [revealed, setRevealed] = useState<{ name: string; token: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.queryKey() });
  const create = useMutation(trpc.apiTokens.create.mutationOptions({ onSettled: refresh }));
  const revoke = useMutation(trpc.apiTokens.revoke.mutationOptions({ onSettled: refresh }));

  const columns: Column<NonNullable<typeof tokens.data>[number]>[] = [
    { header: "Name", rowHeader: true, cell: (row) => row.name },
    {
      header: "Role",
      cell: (row) => (
        <>
          {ROLE_LABEL[row.actingRole]}
          {row.actingRole === row.role ? null : (
            <span className="muted">
              {" "}
              (made {row.role}; its user is {row.user.role})
            </span>
          )}
        </>
      ),
    },
    { header: "Acts as", cell: (row) => row.user.email },
    { header: "Created", cell: (row) => <ClockTime at={row.createdAt} /> },
    {
      header: "Last used",
      cell: (row) => (row.lastUsedAt ? <ClockTime at={row.lastUsedAt} /> : <span className="muted">never</span>),
    },
    {
      header: "Actions",
      hideHeader: true,
      className: "num",
      cell: (row) =>
        row.revokedAt ? (
          <span className="tag">revoked</span>
        ) : (
          <button
            type="button"
            disabled={revoke.isPending}
            aria-label={`Revoke ${row.name}`}
            onClick={() => revoke.mutate({ id: row.id })}
          >
            Revoke
          </button>
        ),
    },
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get("name"));
    const userEmail = String(form.get("userEmail") ?? "").trim();
    const role = roleSchema.parse(form.get("role"));
    create.mutate(
      { name, userEmail: userEmail || undefined, role },
      {
        onSuccess: (result) => {
          setRevealed({ name, token: result.token });
          formElement.reset();
        },
      },
    );
  }

  return (
    <div className="stack">
      {revealed ? (
        <SecretNotice label="New API token" testId="api-token" secret={revealed.token} onDone={() => setRevealed(null)}>
          <strong>New API token “{revealed.name}”.</strong> Copy it now: it is shown only this once.
        </SecretNotice>
      ) : null}
      {revoke.error ? (
        <p className="form-error" role="alert">
          {revoke.error.message}
        </p>
      ) : null}
      <QueryTable
        query={tokens}
        what="API tokens"
        empty={
          <EmptyState title="No API tokens yet">Scripts and monitoring read the API with a token made here.</EmptyState>
        }
        columns={columns}
        rowKey={(row) => row.id}
      />
      <form className="panel form" onSubmit={submit} aria-labelledby="new-api-token-title">
        <h2 id="new-api-token-title">New API token</h2>
        <div className="form-row">
          <label>
            Name
            <input name="name" required minLength={2} maxLength={100} placeholder="e.g. grafana" />
          </label>
          <label>
            Acts as (email; empty: you)
            <input name="userEmail" type="email" autoComplete="off" />
          </label>
          <label>
            Role
            <select name="role" defaultValue="viewer">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABEL[role]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {create.error ? (
          <p className="form-error" role="alert">
            {create.error.message}
          </p>
        ) : null}
        <div>
          <button type="submit" className="primary" disabled={create.isPending}>
            Create token
          </button>
        </div>
      </form>
    </div>
  );
}
