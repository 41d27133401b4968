// A drill's figures against the cluster's targets: each with its value and, where the cluster
// has a target for it, pass or fail by shape and word.
import { duration, lag, percent } from "@/lib/format";
import type { DrillDocument } from "@/server/drills/read";

const ms = (value: number | null, missing: string) => (value === null ? missing : duration(value));

/** Why a drill has no failover time: none was needed, it is still to come, or it never happened. */
export function noFailover(drill: Pick<DrillDocument, "failoverBy" | "status" | "phases">): string {
  if (!drill.failoverBy) return "none needed";
  if (drill.status === "RUNNING") return "not yet";
  const phase = drill.phases.find((p) => p.name === "failover");
  if (phase?.status === "FAILED") return "none: the failover phase failed";
  if (phase?.status === "SUCCEEDED") return "not measured";
  return "none: the drill ended before it";
}

export function DrillFigures({ drill }: { drill: DrillDocument }) {
  const m = drill.measurements;
  const check = (id: string) => drill.targets.checks.find((c) => c.id === id);
  const passive = drill.mode === "active-passive";
  const figures = [
    {
      id: "detection",
      label: "Detection",
      value: ms(m.detectionMs, drill.injectedAt ? "not yet" : "–"),
      note: `worst case by the settings ${duration(drill.targets.detectionBoundMs)}`,
    },
    {
      id: "failover",
      label: "Failover decision",
      value: m.failoverMs === null ? noFailover(drill) : duration(m.failoverMs),
      note: drill.failoverBy ? `${drill.failoverBy} failover` : "this fault needs no failover",
    },
    {
      id: "rto",
      label: passive ? "RTO (no writable primary)" : "RTO (no healthy capacity)",
      value: ms(m.rtoMs, drill.injectedAt ? "not back yet" : "–"),
      note: `target ${duration(drill.targets.rtoTargetMs)}`,
    },
    ...(passive
      ? [
          {
            id: "rpo",
            label: "RPO (lag at the loss)",
            value: m.rpoBytes === null ? "–" : lag(m.rpoBytes, m.rpoSeconds),
            note: `budget ${lag(drill.targets.rpoBudgetBytes, drill.targets.rpoBudgetSeconds)}`,
          },
        ]
      : []),
    {
      id: "errors",
      label: "Error rate",
      value: m.errorRate === null ? "not reported" : percent(m.errorRate, 2),
      note: `stop at ${percent(drill.stopConditions.maxErrorRate, 1)}`,
    },
  ];
  return (
    <dl className="panel drill-figures" aria-label="Figures">
      {figures.map((f) => {
        const verdict = drill.injectedAt ? check(f.id) : undefined;
        return (
          <div key={f.id} className={verdict ? (verdict.ok ? "figure figure-ok" : "figure figure-failed") : "figure"}>
            <dt>{f.label}</dt>
            <dd>
              <strong className="figure-value">{f.value}</strong>
              {verdict && drill.status !== "RUNNING" ? (
                <span className="figure-verdict">{verdict.ok ? "✓ pass" : "✗ fail"}</span>
              ) : null}
              <span className="muted">{f.note}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
