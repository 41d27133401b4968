"use client";

// Cluster settings for admins: detection timing (with the bound it promises), RPO/RTO, cooldown,
// availability target, alert thresholds, failover policy. Saved with a reason, audited.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { ClusterDetail } from "@/server/fleet/cluster-detail";
import { useTRPC } from "@/components/trpc/client";
import { duration } from "@/lib/format";

const FIELDS = [
  ["intervalMs", "Poll interval", "ms"],
  ["timeoutMs", "Poll timeout", "ms"],
  ["failureThreshold", "Failures to DOWN", "polls"],
  ["rpoBudgetBytes", "RPO budget", "bytes"],
  ["rpoBudgetSeconds", "RPO budget", "s"],
  ["rtoTargetMs", "RTO target", "ms"],
  ["cooldownMs", "Failover cooldown", "ms"],
  ["availabilityTarget", "Availability target", "%"],
  ["lagAlertBytes", "Lag alert (empty: RPO)", "bytes"],
  ["lagAlertSeconds", "Lag alert (empty: RPO)", "s"],
  ["imbalanceAlertPercent", "Imbalance alert (empty: off)", "points"],
  ["alertRepeatMinutes", "Repeat open alerts (empty: never)", "min"],
] as const;

type Field = (typeof FIELDS)[number][0];
const OPTIONAL = new Set<Field>(["lagAlertBytes", "lagAlertSeconds", "imbalanceAlertPercent", "alertRepeatMinutes"]);

export function SettingsForm({ cluster }: { cluster: ClusterDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const initial: Record<Field, number | null> = {
    intervalMs: cluster.intervalMs,
    timeoutMs: cluster.timeoutMs,
    failureThreshold: cluster.failureThreshold,
    rpoBudgetBytes: cluster.rpoBudgetBytes,
    rpoBudgetSeconds: cluster.rpoBudgetSeconds,
    rtoTargetMs: cluster.rtoTargetMs,
    cooldownMs: cluster.cooldownMs,
    availabilityTarget: cluster.availability.target,
    ...cluster.alerts,
    alertRepeatMinutes: cluster.alertRepeatMinutes,
  };
  const [values, setValues] = useState<Record<Field, string>>(
    () =>
      Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, v === null ? "" : String(v)])) as Record<
        Field,
        string
      >,
  );
  const [policy, setPolicy] = useState(cluster.policy);
  const [approval, setApproval] = useState(cluster.requireSecondApproval);
  const [reason, setReason] = useState("");
  const [alertEvents, setAlertEvents] = useState(cluster.alertEvents.join(", "));
  const save = useMutation(
    trpc.fleet.updateSettings.mutationOptions({
      onSuccess: () => {
        setReason("");
        return queryClient.invalidateQueries({ queryKey: trpc.fleet.pathKey() });
      },
    }),
  );
  const num = (field: Field) => (values[field].trim() === "" ? null : Number(values[field]));
  const bound = (num("failureThreshold") ?? 0) * (num("intervalMs") ?? 0) + (num("timeoutMs") ?? 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    const settings = Object.fromEntries(
      FIELDS.map(([field]) => [field, OPTIONAL.has(field) ? num(field) : (num(field) ?? 0)]),
    );
    const events = alertEvents
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    save.mutate({
      cluster: cluster.name,
      settings: { ...settings, alertEvents: events, policy, requireSecondApproval: approval },
      reason,
    });
  }

  return (
    <details className="panel settings">
      <summary>Settings (admin)</summary>
      <form className="form" onSubmit={submit} aria-label={`Settings of ${cluster.name}`}>
        <div className="form-row">
          {FIELDS.map(([field, label, unit]) => (
            <label key={field}>
              {label} ({unit})
              <input
                type="number"
                step="any"
                min={0}
                value={values[field]}
                required={!OPTIONAL.has(field)}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
              />
            </label>
          ))}
          <label>
            Events that notify (comma-separated, * for all)
            <input value={alertEvents} onChange={(e) => setAlertEvents(e.target.value)} required />
          </label>
          <label>
            Failover policy
            <select value={policy} onChange={(e) => setPolicy(e.target.value as typeof policy)}>
              <option value="manual">manual</option>
              <option value="automatic">automatic</option>
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={approval} onChange={(e) => setApproval(e.target.checked)} /> Second operator
            approves lossy failovers
          </label>
        </div>
        <p className="muted" role="status">
          A node is DOWN within {duration(bound)} at worst with these settings.
        </p>
        <label>
          Reason (kept in the audit log)
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} rows={2} />
        </label>
        {save.error ? (
          <p className="form-error" role="alert">
            {save.error.message}
          </p>
        ) : null}
        {save.isSuccess ? <p role="status">Saved; the poller takes the new settings up within 5 s.</p> : null}
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            Save settings
          </button>
        </div>
      </form>
    </details>
  );
}
