"use client";

// The signed-in user, handed down from the server layout, so components can hide what the role
// may not do. The server checks every call regardless.
import { createContext, useContext, type ReactNode } from "react";
import type { SessionUser } from "@/server/auth/session";
import { hasRole, type Role } from "@/lib/roles";

const SessionContext = createContext<SessionUser | null>(null);

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useSessionUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useSessionUser needs a SessionProvider");
  return user;
}

export function useCan(role: Role): boolean {
  return hasRole(useSessionUser().role, role);
}
