import type { Metadata } from "next";
import { headers } from "next/headers";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { ErrorState } from "@/components/ui/states";
import { PASSWORD_MIN_LENGTH } from "@/server/auth/auth";
import { hasRole } from "@/lib/roles";
import { sessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await sessionUser(await headers());
  if (!user || !hasRole(user.role, "admin")) {
    return (
      <ErrorState title="Users are managed by admins" detail={`You are signed in as ${user?.role ?? "nobody"}.`} />
    );
  }
  await getQueryClient().prefetchQuery(trpc.users.list.queryOptions());
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>Users</h1>
      </div>
      <div className="stack">
        <UsersTable />
        <CreateUserForm minPasswordLength={PASSWORD_MIN_LENGTH} />
      </div>
    </HydrateClient>
  );
}
