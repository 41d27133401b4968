import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { AppHeader } from "@/components/layout/app-header";
import { PASSWORD_MIN_LENGTH } from "@/server/auth/auth";
import { hasUsers } from "@/server/auth/first-admin";
import { db } from "@/server/db/client";

export const metadata: Metadata = { title: "Set up" };

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await hasUsers(db())) redirect("/sign-in");
  return (
    <>
      <AppHeader />
      <main id="main" className="narrow">
        <SetupForm minPasswordLength={PASSWORD_MIN_LENGTH} />
      </main>
    </>
  );
}
