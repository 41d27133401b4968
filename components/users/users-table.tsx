"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import type { Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/query-states";
import { QueryTable } from "@/components/ui/query-table";
import { ROLE_LABEL, ROLES, type Role } from "@/lib/roles";

export function UsersTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useSessionUser();
  const users = useQuery(trpc.users.list.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const onError = (failure: { message: string }) => setError(failure.message);
  const onSuccess = () => setError(null);
  const setRole = useMutation(trpc.users.setRole.mutationOptions({ onSettled, onError, onSuccess }));
  const remove = useMutation(trpc.users.remove.mutationOptions({ onSettled, onError, onSuccess }));
  const resetPassword = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onError,
      onSuccess: (user) => {
        setError(null);
        window.alert(`New password set for ${user.email}; their sessions were ended.`);
      },
    }),
  );

  const columns: Column<NonNullable<typeof users.data>[number]>[] = [
    {
      header: "Name",
      rowHeader: true,
      cell: (user) => (
        <>
          {user.name}
          {user.id === me.id ? <span className="muted"> (you)</span> : null}
        </>
      ),
    },
    { header: "Email", cell: (user) => user.email },
    {
      header: "Role",
      cell: (user) => (
        <select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={setRole.isPending}
          onChange={(event) => setRole.mutate({ userId: user.id, role: event.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABEL[role]}
            </option>
          ))}
        </select>
      ),
    },
    {
      header: "Actions",
      hideHeader: true,
      className: "num",
      cell: (user) => (
        <>
          <button
            type="button"
            disabled={resetPassword.isPending}
            onClick={() => {
              const password = window.prompt(`New password for ${user.email} (at least 12 characters):`);
              if (password) resetPassword.mutate({ userId: user.id, password });
            }}
          >
            Set password
          </button>{" "}
          {user.id === me.id ? null : (
            <button
              type="button"
              disabled={remove.isPending}
              onClick={() => {
                const sure = window.confirm(`Remove ${user.email}? They are signed out at once.`);
                if (sure) remove.mutate({ userId: user.id });
              }}
            >
              Remove
            </button>
          )}
        </>
      ),
    },
  ];

  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <QueryTable
        query={users}
        what="users"
        empty={<EmptyState title="No users" />}
        columns={columns}
        rowKey={(user) => user.id}
      />
    </>
  );
}
