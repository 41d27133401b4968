import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SessionProvider } from "@/components/auth/session-context";
import { AppHeader } from "@/components/layout/app-header";
import { ConsoleNav } from "@/components/layout/console-nav";
import { pageGate } from "@/server/auth/page-gate";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const gate = await pageGate(await headers());
  if (gate.kind === "setup") redirect("/setup");
  if (gate.kind === "sign-in") redirect("/sign-in");
  return (
    <SessionProvider user={gate.user}>
      <AppHeader>
        <ConsoleNav />
      </AppHeader>
      <main id="main">{children}</main>
    </SessionProvider>
  );
}
