"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/session-context";

/** Operators start drills; viewers only read them. */
export function NewDrillLink({ cluster }: { cluster?: string }) {
  if (!useCan("operator")) return null;
  return (
    <Link
      href={cluster ? `/drills/new?cluster=${encodeURIComponent(cluster)}` : "/drills/new"}
      className="button primary"
    >
      New drill
    </Link>
  );
}
