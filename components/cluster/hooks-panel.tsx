"use client";

// A cluster's hooks (admin): the ordered list, edited on the page (add, move, remove) and saved as a
// whole with a reason. The signing secrets of new http hooks are shown once, after the save.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState, QueryStates } from "@/components/ui/query-states";
import { SecretNotice } from "@/components/ui/secret-notice";
import type { Hook } from "./hook-fields";
import { HookForm } from "./hook-form";
import { HooksTable } from "./hooks-table";
import { moved, namedError, sameItems } from "./list-edit";
import { SaveWithReason } from "./save-with-reason";

export function HooksPanel({ cluster, nodes }: { cluster: string; nodes: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saved = useQuery(trpc.hooks.hooks.queryOptions({ cluster }));
  const [draft, setDraft] = useState<Hook[] | null>(null);
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const save = useMutation(trpc.hooks.replaceHooks.mutationOptions());
  const hooks = draft ?? saved.data ?? [];
  const edit = (next: Hook[]) => {
    save.reset();
    setDraft(next);
  };

  async function store(reason: string) {
    const result = await save.mutateAsync({ cluster, hooks, reason });
    setSecrets(result.secrets);
    await queryClient.invalidateQueries({ queryKey: trpc.hooks.hooks.queryKey({ cluster }) });
    setDraft(null);
  }

  return (
    <details className="panel settings">
      <summary>Hooks (admin)</summary>
      <div className="form">
        <p className="muted">
          Hooks run in this order at their moment of a failover, switchover or drain: an HTTP POST signed like a
          webhook, or a command a node&apos;s agent runs without a shell. A required hook that fails before anything
          changed (before fencing or draining) stops the action; any other failure is reported and the action goes on.
        </p>
        {Object.entries(secrets).map(([name, secret]) => (
          <SecretNotice
            key={name}
            label={`Signing secret of ${name}`}
            testId="hook-secret"
            secret={secret}
            onDone={() => setSecrets(({ [name]: _, ...rest }) => rest)}
          >
            <strong>Signing secret of hook {name}.</strong> Its receiver verifies each call&apos;s signature with it,
            like a webhook&apos;s; it is shown only this once.
          </SecretNotice>
        ))}
        <QueryStates
          query={{ data: draft ?? saved.data, error: saved.error, refetch: saved.refetch }}
          what="the hooks"
          empty={<EmptyState title="No hooks yet">Add one below; it runs once the list is saved.</EmptyState>}
        >
          {(list) => (
            <HooksTable
              hooks={list}
              onMove={(index, by) => edit(moved(list, index, by))}
              onRemove={(index) => edit(list.filter((_, i) => i !== index))}
            />
          )}
        </QueryStates>
        <HookForm nodes={nodes} taken={hooks.map((h) => h.name)} onAdd={(hook) => edit([...hooks, hook])} />
        <SaveWithReason
          what="hooks"
          unsaved={draft !== null && !sameItems(draft, saved.data ?? [])}
          saved={save.isSuccess ? "Saved: the next action runs these hooks." : null}
          pending={save.isPending}
          error={
            save.error
              ? namedError(
                  save.error.message,
                  "hooks",
                  hooks.map((h) => h.name),
                )
              : null
          }
          onSave={store}
        />
      </div>
    </details>
  );
}
