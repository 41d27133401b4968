"use client";

// A cluster's client routes (admin): each node's client address and the PgBouncer pools and DNS
// names a failover moves to the new primary, edited on the page and saved as a whole with a reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState, QueryStates } from "@/components/ui/query-states";
import { focusFirst } from "./form-field";
import { namedError, sameItems } from "./list-edit";
import { NodeAddresses } from "./node-addresses";
import { addressesToSend, type Route } from "./route-fields";
import { RouteForm } from "./route-form";
import { RoutesTable } from "./routes-table";
import { SaveWithReason } from "./save-with-reason";

const asFields = (addresses: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(addresses).map(([node, address]) => [node, address ?? ""]));

export function RoutesPanel({ cluster, nodes }: { cluster: string; nodes: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saved = useQuery(trpc.hooks.routes.queryOptions({ cluster }));
  const [draft, setDraft] = useState<Route[] | null>(null);
  const [edited, setEdited] = useState<Record<string, string> | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const save = useMutation(
    trpc.hooks.replaceRoutes.mutationOptions({
      // The server names a wrong address by its node: that field gets the focus.
      onError: (error) => {
        const wrong = addressError(error.message);
        if (wrong) focusFirst(body.current, [`address-${wrong.node}`]);
      },
    }),
  );
  const savedRoutes = saved.data?.routes ?? [];
  const savedAddresses = asFields(saved.data?.addresses ?? {});
  const routes = draft ?? savedRoutes;
  const addresses = edited ?? savedAddresses;
  const wrongAddress = addressError(save.error?.message);
  const names = routes.map((r) => r.name);
  const error = wrongAddress
    ? `Client address of ${wrongAddress.node}: ${wrongAddress.problem}`
    : save.error && namedError(save.error.message, "routes", names);
  const unsaved =
    (draft !== null && !sameItems(draft, savedRoutes)) ||
    (edited !== null && !sameItems(Object.entries(edited), Object.entries(savedAddresses)));
  const edit = (next: Route[]) => {
    save.reset();
    setDraft(next);
  };

  async function store(reason: string) {
    await save.mutateAsync({ cluster, routes, addresses: addressesToSend(addresses), reason });
    await queryClient.invalidateQueries({ queryKey: trpc.hooks.routes.queryKey({ cluster }) });
    setDraft(null);
    setEdited(null);
  }

  return (
    <details className="panel settings">
      <summary>Client routes (admin)</summary>
      <div className="form" ref={body}>
        <p className="muted">
          PgBouncer pools pause before the old primary is fenced and resume pointed at the new one. DNS names are
          replaced with the new primary&apos;s address (an IP address is needed) and a drained node&apos;s record is
          removed. A route that cannot be moved is reported; the action goes on.
        </p>
        <QueryStates
          query={{ data: saved.data && routes, error: saved.error, refetch: saved.refetch }}
          what="the client routes"
        >
          {(list) => (
            <>
              <NodeAddresses
                addresses={addresses}
                errors={wrongAddress ? { [wrongAddress.node]: wrongAddress.problem } : {}}
                onChange={(node, address) => {
                  save.reset();
                  setEdited({ ...addresses, [node]: address });
                }}
              />
              {list.length === 0 ? (
                <EmptyState title="No client routes yet">Add one below; it moves at failovers once saved.</EmptyState>
              ) : (
                <RoutesTable routes={list} onRemove={(name) => edit(list.filter((r) => r.name !== name))} />
              )}
            </>
          )}
        </QueryStates>
        <RouteForm nodes={nodes} taken={names} onAdd={(route) => edit([...routes, route])} />
        <SaveWithReason
          what="routes"
          unsaved={unsaved}
          saved={save.isSuccess ? "Saved: the next action moves these routes." : null}
          pending={save.isPending}
          error={error}
          onSave={store}
        />
      </div>
    </details>
  );
}

/** The node and the problem of an error about a node's address ("addresses.db-1: give host:port"). */
function addressError(message: string | undefined) {
  const match = message ? /^addresses\.([^:]+): (.*)$/.exec(message) : null;
  return match ? { node: match[1] ?? "", problem: match[2] ?? "" } : null;
}
