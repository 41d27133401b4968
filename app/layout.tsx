import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { THEME_COOKIE, themeOf } from "@/components/layout/theme";
import { TRPCReactProvider } from "@/components/trpc/client";
import "./globals.css";

// Every page is rendered per request, so each carries its own CSP nonce (see proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  // A page names itself first, so a tab says where it is (and the alarm puts its count before that).
  title: { default: "HA Ops Console", template: "%s · HA Ops Console" },
  description: "Watch, fail over, drain and drill highly available clusters.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = themeOf((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
