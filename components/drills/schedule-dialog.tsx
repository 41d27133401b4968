"use client";

// Editing one cluster's drill schedule: on or off, a cron expression in UTC, the scenario, and
// the windows no scheduled drill may start in (change freezes, peak days).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { SCENARIOS_FOR_MODE, type Scenario } from "@/lib/drills";
import type { Mode } from "@/lib/modes";
import { SCENARIO_LABEL } from "./labels";

interface Window {
  from: string;
  to: string;
  reason: string;
}
export interface ScheduleValue {
  enabled: boolean;
  cron: string;
  scenario: Scenario;
  blocked: { from: string; to: string; reason?: string }[];
}

/** datetime-local speaks the reader's local time without a zone; the API wants ISO with one. */
const toLocal = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function ScheduleDialog({
  cluster,
  mode,
  current,
}: {
  cluster: string;
  mode: Mode;
  current: ScheduleValue | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const scenarios = SCENARIOS_FOR_MODE[mode];
  const saved = () => ({
    enabled: current?.enabled ?? false,
    cron: current?.cron ?? "0 3 1 * *",
    scenario: current?.scenario ?? scenarios[0]!,
    windows: (current?.blocked ?? []).map((w) => ({
      from: toLocal(w.from),
      to: toLocal(w.to),
      reason: w.reason ?? "",
    })),
  });
  const [enabled, setEnabled] = useState(saved().enabled);
  const [cron, setCron] = useState(saved().cron);
  const [scenario, setScenario] = useState<Scenario>(saved().scenario);
  const [windows, setWindows] = useState<Window[]>(saved().windows);
  const cancel = () => {
    const s = saved();
    setEnabled(s.enabled);
    setCron(s.cron);
    setScenario(s.scenario);
    setWindows(s.windows);
    save.reset();
    dialog.current?.close();
  };
  const save = useMutation(
    trpc.drills.setSchedule.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.drills.schedules.queryKey() });
        dialog.current?.close();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blocked = windows.map((w) => ({
      from: new Date(w.from).toISOString(),
      to: new Date(w.to).toISOString(),
      ...(w.reason ? { reason: w.reason } : {}),
    }));
    save.mutate({ cluster, enabled, cron, scenario, blocked });
  };
  const edit = (i: number, patch: Partial<Window>) =>
    setWindows((all) => all.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Edit schedule
      </button>
      <dialog ref={dialog} aria-labelledby={`schedule-${cluster}`} className="panel dialog" onCancel={cancel}>
        <form className="form" onSubmit={submit}>
          <h2 id={`schedule-${cluster}`}>Drill schedule of {cluster}</h2>
          <label className="checkbox">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Run drills on
            this schedule
          </label>
          <label>
            Cron (UTC: minute hour day-of-month month day-of-week)
            <input
              value={cron}
              onChange={(e) => setCron(e.target.value)}
              required
              spellCheck={false}
              autoComplete="off"
            />
          </label>
          <span className="muted">
            e.g. <code>0 3 1 * *</code> at 03:00 UTC on the 1st of every month; <code>30 2 * * TUE</code> every Tuesday
            at 02:30 UTC. Scheduled drills run unattended, within the same pre-checks.
          </span>
          <label>
            Scenario
            <select value={scenario} onChange={(e) => setScenario(e.target.value as Scenario)}>
              {scenarios.map((s) => (
                <option key={s} value={s}>
                  {SCENARIO_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="blocked-windows">
            <legend>Blocked windows (no scheduled drill starts inside one)</legend>
            {windows.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: controlled rows, no identity but their place
              <div key={i} className="blocked-window">
                <label>
                  From
                  <input
                    type="datetime-local"
                    value={w.from}
                    onChange={(e) => edit(i, { from: e.target.value })}
                    required
                  />
                </label>
                <label>
                  To
                  <input
                    type="datetime-local"
                    value={w.to}
                    onChange={(e) => edit(i, { to: e.target.value })}
                    required
                  />
                </label>
                <label>
                  Why
                  <input
                    value={w.reason}
                    onChange={(e) => edit(i, { reason: e.target.value })}
                    maxLength={200}
                    placeholder="change freeze"
                  />
                </label>
                <button
                  type="button"
                  onClick={() => setWindows((all) => all.filter((_, j) => j !== i))}
                  aria-label={`Remove blocked window ${i + 1}`}
                >
                  Remove
                </button>
              </div>
            ))}
            <button type="button" onClick={() => setWindows((all) => [...all, { from: "", to: "", reason: "" }])}>
              Add a blocked window
            </button>
          </fieldset>
          {save.error ? (
            <p className="form-error" role="alert">
              {save.error.message}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={save.isPending}>
              Save schedule
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
