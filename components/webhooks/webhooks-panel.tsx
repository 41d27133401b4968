"use client";

// Webhook endpoints (admin): list, add (secret shown once), send a test event, rotate, delete.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState, QueryStates } from "@/components/ui/query-states";
import { SecretNotice } from "@/components/ui/secret-notice";

export function WebhooksPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.webhooks.list.queryOptions());
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [format, setFormat] = useState<"standard" | "slack" | "pagerduty">("standard");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const create = useMutation(trpc.webhooks.create.mutationOptions({ onSettled: refresh }));
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions());
  const remove = useMutation(trpc.webhooks.remove.mutationOptions({ onSettled: refresh }));
  const test = useMutation(trpc.webhooks.sendTest.mutationOptions());
  const toggle = useMutation(trpc.webhooks.setEnabled.mutationOptions({ onSettled: refresh }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const url = String(data.get("url"));
    const events = String(data.get("events")).split(",").map((e) => e.trim()).filter(Boolean);
    const routingKey = String(data.get("routingKey") ?? "").trim() || undefined;
    create.mutate(
      { url, events, description: String(data.get("description") ?? ""), format, routingKey },
      { onSuccess: (result) => { setSecret({ url, secret: result.secret }); form.reset(); } },
    );
  }

  const error = rotate.error ?? remove.error ?? test.error ?? toggle.error;
  return (
    <div className="stack">
      {secret ? (
        <SecretNotice label="New webhook secret" testId="webhook-secret" secret={secret.secret} onDone={() => setSecret(null)}>
          <strong>Signing secret for {secret.url}.</strong> The receiver verifies every delivery with it; it is shown only this once.
        </SecretNotice>
      ) : null}
      {error ? <p className="form-error" role="alert">{error.message}</p> : null}
      {test.data ? (
        <p role="status" className="notice">
          Test event: {test.data.statusCode === null ? `no answer (${test.data.error})` : `HTTP ${test.data.statusCode}`} in {test.data.latencyMs} ms
          {test.data.excerpt ? <> — <code>{test.data.excerpt}</code></> : null}
        </p>
      ) : null}
      <QueryStates query={endpoints} what="webhook endpoints" empty={<EmptyState title="No webhook endpoints yet">Alerts reach people through the endpoints added here.</EmptyState>}>
        {(rows) => (
          <div className="panel scroll-x">
            <table className="data">
              <caption className="skip-link">Webhook endpoints</caption>
              <thead>
                <tr><th scope="col">Endpoint</th><th scope="col">Events</th><th scope="col">Format</th><th scope="col">State</th><th scope="col"><span className="skip-link">Actions</span></th></tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row"><Link href={`/settings/webhooks/${row.id}`}>{row.url}</Link>{row.description ? <div className="muted">{row.description}</div> : null}</th>
                    <td>{row.events.join(", ")}</td>
                    <td>{row.format.toLowerCase()}</td>
                    <td>{row.enabled ? <span className="state state-HEALTHY">enabled</span> : <span className="state state-DOWN">disabled</span>}{row.disabledReason ? <div className="muted">{row.disabledReason}</div> : null}</td>
                    <td className="num nowrap">
                      <button type="button" onClick={() => test.mutate({ id: row.id })} disabled={test.isPending} aria-label={`Send a test event to ${row.url}`}>Send test</button>{" "}
                      <button type="button" onClick={() => rotate.mutate({ id: row.id }, { onSuccess: (r) => setSecret({ url: row.url, secret: r.secret }) })} aria-label={`Rotate the secret of ${row.url}`}>Rotate secret</button>{" "}
                      <button type="button" onClick={() => toggle.mutate({ id: row.id, enabled: !row.enabled })} aria-label={`${row.enabled ? "Disable" : "Enable"} ${row.url}`}>{row.enabled ? "Disable" : "Enable"}</button>{" "}
                      <button type="button" onClick={() => window.confirm(`Delete ${row.url}? Its delivery log goes with it.`) && remove.mutate({ id: row.id })} aria-label={`Delete ${row.url}`}>Delete</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStates>
      <form className="panel form" onSubmit={submit} aria-labelledby="new-webhook-title">
        <h2 id="new-webhook-title">Add an endpoint</h2>
        <div className="form-row">
          <label>URL<input name="url" type="url" required placeholder="https://alerts.example.com/hooks/ha" /></label>
          <label>Events (comma-separated, * for all)<input name="events" required defaultValue="*" /></label>
          <label>Description<input name="description" /></label>
          <label>
            Format
            <select value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
              <option value="standard">standard JSON</option>
              <option value="slack">Slack</option>
              <option value="pagerduty">PagerDuty Events v2</option>
            </select>
          </label>
          {format === "pagerduty" ? <label>PagerDuty integration key<input name="routingKey" required /></label> : null}
        </div>
        {create.error ? <p className="form-error" role="alert">{create.error.message}</p> : null}
        <div><button type="submit" className="primary" disabled={create.isPending}>Add endpoint</button></div>
      </form>
    </div>
  );
}
