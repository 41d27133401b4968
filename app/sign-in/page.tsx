import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AppHeader } from "@/components/layout/app-header";
import { returnTo } from "@/lib/return-to";
import { pageGate } from "@/server/auth/page-gate";

export const metadata: Metadata = { title: "Sign in" };

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const asked = (await searchParams).next;
  const next = returnTo(typeof asked === "string" ? asked : null);
  const gate = await pageGate(await headers());
  if (gate.kind === "setup") redirect("/setup");
  if (gate.kind === "signed-in") redirect(next);
  return (
    <>
      <AppHeader />
      <main id="main" className="narrow">
        <SignInForm next={next} />
      </main>
    </>
  );
}
