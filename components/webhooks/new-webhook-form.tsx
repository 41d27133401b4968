"use client";

// The form that adds a webhook endpoint; the new endpoint's signing secret goes to `onCreated`,
// which shows it once.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";

export function NewWebhookForm({ onCreated }: { onCreated: (created: { url: string; secret: string }) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<"standard" | "slack" | "pagerduty">("standard");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const create = useMutation(trpc.webhooks.create.mutationOptions({ onSettled: refresh }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const url = String(data.get("url"));
    const events = String(data.get("events"))
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    const routingKey = String(data.get("routingKey") ?? "").trim() || undefined;
    create.mutate(
      { url, events, description: String(data.get("description") ?? ""), format, routingKey },
      {
        onSuccess: (result) => {
          onCreated({ url, secret: result.secret });
          form.reset();
        },
      },
    );
  }

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">Add an endpoint</h2>
      <div className="form-row">
        <label>
          URL
          <input name="url" type="url" required placeholder="https://alerts.example.com/hooks/ha" />
        </label>
        <label>
          Events (comma-separated, * for all)
          <input name="events" required defaultValue="*" />
        </label>
        <label>
          Description
          <input name="description" />
        </label>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            <option value="standard">standard JSON</option>
            <option value="slack">Slack</option>
            <option value="pagerduty">PagerDuty Events v2</option>
          </select>
        </label>
        {format === "pagerduty" ? (
          <label>
            PagerDuty integration key
            <input name="routingKey" required />
          </label>
        ) : null}
      </div>
      {create.error ? (
        <p className="form-error" role="alert">
          {create.error.message}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={create.isPending}>
          Add endpoint
        </button>
      </div>
    </form>
  );
}
