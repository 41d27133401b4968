import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { CriticalBanner } from "@/components/alarm/critical-banner";
import { SessionProvider } from "@/components/auth/session-context";
import { AppHeader } from "@/components/layout/app-header";
import { ConsoleNav } from "@/components/layout/console-nav";
import { HaltBanner } from "@/components/halt/halt-banner";
import { KeyboardShortcuts } from "@/components/layout/keyboard-shortcuts";
import { THEME_COOKIE, themeOf } from "@/components/layout/theme";
import { ThemeSelect } from "@/components/layout/theme-select";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { RETURN_TO_HEADER, signInFor } from "@/lib/return-to";
import { pageGate } from "@/server/auth/page-gate";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const asked = await headers();
  const gate = await pageGate(asked);
  if (gate.kind === "setup") redirect("/setup");
  if (gate.kind === "sign-in") redirect(signInFor(asked.get(RETURN_TO_HEADER) ?? "/"));
  // The alarm is there in the first paint, so the page does not jump down when it arrives.
  await getQueryClient().prefetchQuery(trpc.fleet.critical.queryOptions());
  return (
    <SessionProvider user={gate.user}>
      <AppHeader>
        <ConsoleNav />
        <ThemeSelect initial={themeOf((await cookies()).get(THEME_COOKIE)?.value)} />
        <KeyboardShortcuts />
      </AppHeader>
      <main id="main">
        <HydrateClient>
          <CriticalBanner />
        </HydrateClient>
        <HaltBanner />
        {children}
      </main>
    </SessionProvider>
  );
}
