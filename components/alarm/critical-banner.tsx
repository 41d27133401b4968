"use client";

// The alarm on every page while a critical condition is open: a banner naming each one, linked to
// its cluster, and the count in the tab's title and a red icon (useTabAlarm).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { useTabAlarm } from "./use-tab-alarm";

const REFRESH_MS = 5_000;

export function CriticalBanner() {
  const trpc = useTRPC();
  const critical = useQuery(trpc.fleet.critical.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const open = critical.data ?? [];
  useTabAlarm(open.length);
  if (open.length === 0) return null;
  return (
    <section className="critical-banner" role="alert" aria-label="Critical alarm">
      <svg width="16" height="16" viewBox="0 0 12 12" aria-hidden="true">
        <path d="M6 0.5 11.5 6 6 11.5 0.5 6Z" fill="currentColor" />
      </svg>
      <div>
        <strong>{open.length === 1 ? "Critical" : `${open.length} critical conditions`}</strong>
        <ul>
          {open.map((condition) => (
            <li key={condition.cluster}>
              <Link href={`/clusters/${encodeURIComponent(condition.cluster)}`}>{condition.cluster}</Link>:{" "}
              {condition.text}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
