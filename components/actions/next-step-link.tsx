"use client";

// A problem's fix as a button that opens its plan on the cluster page (at once when already there).
// Pages show it only to roles that may run it: a viewer reads the problem alone.
import Link from "next/link";
import type { MouseEvent } from "react";
import type { Problem } from "@/lib/status";
import { planHref, showPlan } from "./plan-query";

export function NextStepLink({ cluster, problem }: { cluster: string; problem: Problem | null }) {
  const fix = problem?.fix;
  if (!fix) return null;
  const href = planHref(cluster, fix);
  const here = (event: MouseEvent) => {
    if (window.location.pathname !== new URL(href, window.location.href).pathname) return;
    event.preventDefault();
    showPlan(fix);
  };
  return (
    <Link className={`button next-step${problem.severity === "critical" ? " primary" : ""}`} href={href} onClick={here}>
      {fix.text}
    </Link>
  );
}
