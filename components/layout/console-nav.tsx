"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCan, useSessionUser } from "@/components/auth/session-context";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ROLE_LABEL } from "@/lib/roles";

const LINKS = [
  { href: "/", label: "Clusters", role: "viewer" },
  { href: "/alerts", label: "Alerts", role: "viewer" },
  { href: "/drills", label: "Drills", role: "viewer" },
  { href: "/actions", label: "Actions", role: "viewer" },
  { href: "/audit", label: "Audit", role: "viewer" },
  { href: "/settings/agents", label: "Agents", role: "viewer" },
  { href: "/settings/users", label: "Users", role: "admin" },
  { href: "/settings/api-tokens", label: "API tokens", role: "admin" },
  { href: "/settings/webhooks", label: "Webhooks", role: "admin" },
] as const;

export function ConsoleNav() {
  const pathname = usePathname();
  const user = useSessionUser();
  const isAdmin = useCan("admin");
  return (
    <>
      <nav aria-label="Main" className="main-nav">
        {LINKS.filter((link) => link.role !== "admin" || isAdmin).map((link) => (
          <Link
            key={link.href}
            href={link.href}
            aria-current={
              pathname === link.href || (link.href !== "/" && pathname.startsWith(`${link.href}/`)) ? "page" : undefined
            }
          >
            {link.label}
          </Link>
        ))}
      </nav>
      <div className="who" aria-label="Signed-in user">
        <span>{user.name}</span>
        <span className={`tag role-${user.role}`}>{ROLE_LABEL[user.role]}</span>
        <SignOutButton />
      </div>
    </>
  );
}
