// Click-through drills wait for an operator before each phase; one that nobody advances is
// aborted (and restored) rather than left with its fault in.
import { duration } from "../../lib/format.ts";

interface IdleDrill {
  unattended: boolean;
  startedAt: Date | null;
  injectedAt: Date | null;
  cluster: { rtoTargetMs: number };
  phases: { status: string; finishedAt: Date | null }[];
}

/**
 * A click-through drill nobody advances is aborted: before its fault after 15 min; once its fault
 * is in (maybe a primary down until the next click) after twice the RTO target, 2 min at least.
 */
function idleLimitMs(injected: boolean, rtoTargetMs: number): number {
  return injected ? Math.max(2 * 60_000, 2 * rtoTargetMs) : 15 * 60_000;
}

/** Why an idle click-through drill is to be aborted, or null while it is not. */
export function idleReason(drill: IdleDrill, now: number): string | null {
  if (drill.unattended || drill.phases.some((p) => p.status === "RUNNING")) return null;
  const last = Math.max(drill.startedAt?.getTime() ?? 0, ...drill.phases.map((p) => p.finishedAt?.getTime() ?? 0));
  const limit = idleLimitMs(drill.injectedAt !== null, drill.cluster.rtoTargetMs);
  return now - last > limit ? `nobody advanced this click-through drill for ${duration(limit)}` : null;
}
