"use client";

// Whether the audit chain verifies: through which entry, from which signed checkpoint, when the
// whole log was last walked; admins may walk it now.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCan } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import { RelativeTime } from "@/components/ui/relative-time";

interface Verdict {
  verified: boolean;
  brokenAt?: number;
  reason?: string;
  verifiedThrough: number | null;
}

function VerdictLine({ chain }: { chain: Verdict }) {
  if (chain.verified) {
    const through = chain.verifiedThrough === null ? "(no entries yet)" : `through #${chain.verifiedThrough}`;
    return (
      <span className="chain chain-ok" role="status">
        ✓ chain verified {through}
      </span>
    );
  }
  const at = chain.brokenAt === undefined ? "" : ` at #${chain.brokenAt}`;
  const why = chain.reason ?? "an entry was edited or removed";
  return (
    <span className="chain chain-broken" role="alert">
      ✗ chain broken{at}: {why}
    </span>
  );
}

export function ChainStatus() {
  const trpc = useTRPC();
  const isAdmin = useCan("admin");
  const chain = useQuery(trpc.audit.chain.queryOptions(undefined, { refetchInterval: 30_000 }));
  const walk = useMutation(trpc.audit.fullWalk.mutationOptions());
  if (!chain.data) {
    const what = chain.error ? "chain not checked" : "checking the chain…";
    return (
      <span className="muted" aria-busy={!chain.error}>
        {what}
      </span>
    );
  }
  const { checkpoint, lastFullWalk } = chain.data;
  return (
    <div className="chain-status">
      <VerdictLine chain={walk.data ?? chain.data} />
      <span className="muted">
        {checkpoint ? (
          <>
            Checked from checkpoint #{checkpoint.id} (entry #{checkpoint.seq}, signed{" "}
            <RelativeTime at={checkpoint.at} />)
          </>
        ) : (
          "No checkpoint yet"
        )}
        {"; whole log last walked "}
        {lastFullWalk ? (
          <>
            <RelativeTime at={lastFullWalk.at} /> ({lastFullWalk.verified ? "verified" : "broken"})
          </>
        ) : (
          "never"
        )}
        {walk.data ? " — the result above is the walk just made" : ""}.
      </span>
      {isAdmin ? (
        <button type="button" onClick={() => walk.mutate()} disabled={walk.isPending}>
          {walk.isPending ? "Walking the whole log…" : "Walk the whole log now"}
        </button>
      ) : null}
      {walk.error ? (
        <span className="chain chain-broken" role="alert">
          The walk failed: {walk.error.message}
        </span>
      ) : null}
    </div>
  );
}
