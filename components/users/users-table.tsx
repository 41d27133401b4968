"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState, QueryStates } from "@/components/ui/query-states";
import { ROLE_LABEL, ROLES, type Role } from "@/server/auth/roles";

export function UsersTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useSessionUser();
  const users = useQuery(trpc.users.list.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const onSettled = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const onError = (failure: { message: string }) => setError(failure.message);
  const setRole = useMutation(trpc.users.setRole.mutationOptions({ onSettled, onError, onSuccess: () => setError(null) }));
  const remove = useMutation(trpc.users.remove.mutationOptions({ onSettled, onError, onSuccess: () => setError(null) }));
  const resetPassword = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onError,
      onSuccess: (user) => {
        setError(null);
        window.alert(`New password set for ${user.email}; their sessions were ended.`);
      },
    }),
  );

  return (
    <>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <QueryStates query={users} what="users" empty={<EmptyState title="No users" />}>
        {(rows) => (
          <div className="panel">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col"><span className="skip-link">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">{user.name}{user.id === me.id ? <span className="muted"> (you)</span> : null}</th>
                    <td>{user.email}</td>
                    <td>
                      <select
                        aria-label={`Role of ${user.email}`}
                        value={user.role}
                        disabled={setRole.isPending}
                        onChange={(event) => setRole.mutate({ userId: user.id, role: event.target.value as Role })}
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>{ROLE_LABEL[role]}</option>
                        ))}
                      </select>
                    </td>
                    <td className="num">
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
                            if (window.confirm(`Remove ${user.email}? They are signed out at once.`)) remove.mutate({ userId: user.id });
                          }}
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStates>
    </>
  );
}
