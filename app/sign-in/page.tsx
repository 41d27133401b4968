import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AppHeader } from "@/components/layout/app-header";
import { pageGate } from "@/server/auth/page-gate";

export const metadata: Metadata = { title: "Sign in" };

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  const gate = await pageGate(await headers());
  if (gate.kind === "setup") redirect("/setup");
  if (gate.kind === "signed-in") redirect("/");
  return (
    <>
      <AppHeader />
      <main id="main" className="narrow">
        <SignInForm />
      </main>
    </>
  );
}
