"use client";

// Webhook endpoints (admin): list, add (secret shown once), send a test event, rotate, delete.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/query-states";
import { QueryTable } from "@/components/ui/query-table";
import { SecretNotice } from "@/components/ui/secret-notice";
import { NewWebhookForm } from "./new-webhook-form";

export function WebhooksPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.webhooks.list.queryOptions());
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions());
  const remove = useMutation(trpc.webhooks.remove.mutationOptions({ onSettled: refresh }));
  const test = useMutation(trpc.webhooks.sendTest.mutationOptions());
  const toggle = useMutation(trpc.webhooks.setEnabled.mutationOptions({ onSettled: refresh }));

  const columns: Column<NonNullable<typeof endpoints.data>[number]>[] = [
    {
      header: "Endpoint",
      rowHeader: true,
      cell: (row) => (
        <>
          <Link href={`/settings/webhooks/${row.id}`}>{row.url}</Link>
          {row.description ? <div className="muted">{row.description}</div> : null}
        </>
      ),
    },
    { header: "Events", cell: (row) => row.events.join(", ") },
    { header: "Format", cell: (row) => row.format.toLowerCase() },
    {
      header: "State",
      cell: (row) => (
        <>
          {row.enabled ? (
            <span className="state state-HEALTHY">enabled</span>
          ) : (
            <span className="state state-DOWN">disabled</span>
          )}
          {row.disabledReason ? <div className="muted">{row.disabledReason}</div> : null}
        </>
      ),
    },
    {
      header: "Actions",
      hideHeader: true,
      className: "num nowrap",
      cell: (row) => (
        <>
          <button
            type="button"
            onClick={() => test.mutate({ id: row.id })}
            disabled={test.isPending}
            aria-label={`Send a test event to ${row.url}`}
          >
            Send test
          </button>{" "}
          <button
            type="button"
            onClick={() =>
              rotate.mutate({ id: row.id }, { onSuccess: (r) => setSecret({ url: row.url, secret: r.secret }) })
            }
            aria-label={`Rotate the secret of ${row.url}`}
          >
            Rotate secret
          </button>{" "}
          <button
            type="button"
            onClick={() => toggle.mutate({ id: row.id, enabled: !row.enabled })}
            aria-label={`${row.enabled ? "Disable" : "Enable"} ${row.url}`}
          >
            {row.enabled ? "Disable" : "Enable"}
          </button>{" "}
          <button
            type="button"
            onClick={() =>
              window.confirm(`Delete ${row.url}? Its delivery log goes with it.`) && remove.mutate({ id: row.id })
            }
            aria-label={`Delete ${row.url}`}
          >
            Delete
          </button>
        </>
      ),
    },
  ];

  const error = rotate.error ?? remove.error ?? test.error ?? toggle.error;
  return (
    <div className="stack">
      {secret ? (
        <SecretNotice
          label="New webhook secret"
          testId="webhook-secret"
          secret={secret.secret}
          onDone={() => setSecret(null)}
        >
          <strong>Signing secret for {secret.url}.</strong> The receiver verifies every delivery with it; it is shown
          only this once.
        </SecretNotice>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {test.data ? (
        <p role="status" className="notice">
          Test event:{" "}
          {test.data.statusCode === null ? `no answer (${test.data.error})` : `HTTP ${test.data.statusCode}`} in{" "}
          {test.data.latencyMs} ms
          {test.data.excerpt ? (
            <>
              {" "}
              — <code>{test.data.excerpt}</code>
            </>
          ) : null}
        </p>
      ) : null}
      <QueryTable
        query={endpoints}
        what="webhook endpoints"
        empty={
          <EmptyState title="No webhook endpoints yet">
            Alerts reach people through the endpoints added here.
          </EmptyState>
        }
        columns={columns}
        rowKey={(row) => row.id}
        caption="Webhook endpoints"
        scroll
      />
      <NewWebhookForm onCreated={setSecret} />
    </div>
  );
}
