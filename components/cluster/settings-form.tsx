"use client";

// Cluster settings for admins: detection timing (with the bound it promises), RPO/RTO, cooldown,
// availability target, alert thresholds, failover policy, and for Redis whether Sentinel decides
// failovers. Saved with a reason, audited.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { ClusterDetail } from "@/server/fleet/cluster-detail";
import type { ClusterSettingsInput } from "@/server/fleet/settings";
import { useTRPC } from "@/components/trpc/client";
import type { NumericSetting } from "@/lib/cluster-settings";
import { duration } from "@/lib/format";
import { type FieldValue, fieldValue, readField, SETTING_FIELDS } from "./settings-fields";
import { UnitField } from "./unit-field";

type Values = Record<NumericSetting, FieldValue>;

/** Each field read back into the stored unit, and what is wrong with those that cannot be. */
function readAll(values: Values) {
  const stored: Partial<Record<NumericSetting, number | null>> = {};
  const errors: Partial<Record<NumericSetting, string>> = {};
  for (const spec of SETTING_FIELDS) {
    const read = readField(spec, values[spec.field]);
    if ("error" in read) errors[spec.field] = read.error;
    else stored[spec.field] = read.stored;
  }
  // A required field is never null here: readField answers an error for an empty one.
  return { stored: stored as Pick<ClusterSettingsInput, NumericSetting>, errors };
}

export function SettingsForm({ cluster }: { cluster: ClusterDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const initial: Record<NumericSetting, number | null> = {
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
  const [values, setValues] = useState<Values>(
    () => Object.fromEntries(SETTING_FIELDS.map((s) => [s.field, fieldValue(s, initial[s.field])])) as Values,
  );
  // Errors show once a save was tried, then follow every edit.
  const [tried, setTried] = useState(false);
  const [policy, setPolicy] = useState(cluster.policy);
  const [managedBy, setManagedBy] = useState(cluster.managedBy);
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
  const { stored, errors } = readAll(values);
  const timing = [stored.failureThreshold, stored.intervalMs, stored.timeoutMs];
  const bound = timing.every((n) => typeof n === "number")
    ? (stored.failureThreshold ?? 0) * (stored.intervalMs ?? 0) + (stored.timeoutMs ?? 0)
    : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    const wrong = SETTING_FIELDS.find((s) => errors[s.field]);
    if (wrong) {
      event.currentTarget.querySelector<HTMLInputElement>(`input[name="${wrong.field}"]`)?.focus();
      return;
    }
    const events = alertEvents
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    save.mutate({
      cluster: cluster.name,
      settings: {
        ...stored,
        alertEvents: events,
        policy,
        requireSecondApproval: approval,
        ...(cluster.system === "redis" ? { managedBy } : {}),
      },
      reason,
    });
  }

  return (
    <details className="panel settings">
      <summary>Settings (admin)</summary>
      <form className="form" onSubmit={submit} aria-label={`Settings of ${cluster.name}`}>
        <div className="form-row">
          {SETTING_FIELDS.map((spec) => (
            <UnitField
              key={spec.field}
              spec={spec}
              value={values[spec.field]}
              error={tried ? errors[spec.field] : undefined}
              onChange={(value) => setValues((v) => ({ ...v, [spec.field]: value }))}
            />
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
          {cluster.system === "redis" ? (
            <label>
              Failovers decided by
              <select value={managedBy} onChange={(e) => setManagedBy(e.target.value as typeof managedBy)}>
                <option value="console">the console</option>
                <option value="sentinel">Redis Sentinel</option>
              </select>
            </label>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={approval} onChange={(e) => setApproval(e.target.checked)} /> Second operator
            approves lossy failovers
          </label>
        </div>
        {managedBy === "sentinel" ? (
          <p className="muted">
            Sentinel fails this cluster over by itself and the console follows; the console&apos;s own failovers and
            switchovers ask Sentinel, and the policy above never promotes a node.
          </p>
        ) : null}
        <p className="muted" role="status">
          {bound === null
            ? "How soon a node is DOWN at worst shows once the poll fields are right."
            : `A node is DOWN within ${duration(bound)} at worst with these settings.`}
        </p>
        {tried && Object.keys(errors).length > 0 ? (
          <p className="form-error" role="alert">
            Nothing saved: {Object.keys(errors).length === 1 ? "one field needs" : "some fields need"} a change (said
            under each).
          </p>
        ) : null}
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
