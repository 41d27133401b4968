"use client";

// Operator controls on a cluster page: choose an action and a node, then see its plan in a dialog.
// The problem's fix is the default choice (a lost primary: failover to the console's candidate), and
// the plan shown is the one the URL names, so a problem line's button opens it from any page.
import { useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ClusterDetail } from "@/server/fleet/cluster-detail";
import { ACTIONS_FOR_MODE, type ActionType } from "@/lib/actions";
import { targetsFor } from "./action-targets";
import { PlanDialog } from "./plan-dialog";
import { askedPlan, showPlan } from "./plan-query";

export function ActionPanel({ cluster, selected }: { cluster: ClusterDetail; selected: string | null }) {
  const modeActions = ACTIONS_FOR_MODE[cluster.mode];
  const fix = cluster.problem?.fix && modeActions.includes(cluster.problem.fix.type) ? cluster.problem.fix : undefined;
  const [picked, setPicked] = useState<ActionType | null>(null);
  const [target, setTarget] = useState<string>("");
  const [weight, setWeight] = useState(100);
  const type = picked ?? fix?.type ?? modeActions[0]!;
  const targets = targetsFor(cluster, type);
  // The node picked here, else the one selected in the topology, else the fix's, else the first that fits.
  const chosen =
    [target, selected, fix?.type === type ? fix.target : null].find((n) => n && targets.includes(n)) ??
    targets[0] ??
    "";
  const asked = askedPlan(useSearchParams(), cluster.mode);

  function openPlan(event: FormEvent) {
    event.preventDefault();
    showPlan({ type, target: chosen, ...(type === "set-weight" ? { weight } : {}) });
  }

  return (
    <section className="panel action-panel" aria-label="Actions">
      <form className="action-form" onSubmit={openPlan}>
        <label>
          Action
          <select value={type} onChange={(e) => setPicked(e.target.value as ActionType)}>
            {modeActions.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Node
          <select value={chosen} onChange={(e) => setTarget(e.target.value)}>
            {targets.length ? (
              targets.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))
            ) : (
              <option value="">no node to {type}</option>
            )}
          </select>
        </label>
        {type === "set-weight" ? (
          <label>
            Weight
            <input type="number" min={0} max={256} value={weight} onChange={(e) => setWeight(Number(e.target.value))} />
          </label>
        ) : null}
        <button type="submit" disabled={!chosen}>
          Plan…
        </button>
        <span className="muted">
          Every action is planned first: each guard&apos;s verdict, the steps, how long it takes.
        </span>
      </form>
      {asked ? (
        <PlanDialog
          key={`${asked.type}/${asked.target}/${asked.weight ?? ""}`}
          cluster={cluster.name}
          request={asked}
          onClose={() => showPlan(null)}
        />
      ) : null}
    </section>
  );
}
