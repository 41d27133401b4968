"use client";

// One drill, live while it runs and as its report after: the phases with their times and words,
// the next phase's button (click-through), Abort always in reach, the figures against the
// targets, the timeline, the drill's own events and the JSON export.
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCan } from "@/components/auth/session-context";
import { NotFoundView } from "@/components/not-found/not-found-view";
import { useTRPC } from "@/components/trpc/client";
import { isNotFound, pollUnlessNotFound } from "@/components/trpc/not-found";
import { ClockTime } from "@/components/ui/clock-time";
import { bytes, duration, percent } from "@/lib/format";
import { StaleBanner } from "@/components/ui/stale-banner";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { LinkedText } from "@/components/ui/linked-text";
import { drillOrigin, sinceStart } from "./drill-clock";
import { DrillEvents } from "./drill-events";
import { DrillFigures } from "./drill-figures";
import { DrillTimeline } from "./drill-timeline";
import { advanceLabel, outcomeLabel, PHASE_ICON, SCENARIO_LABEL } from "./labels";

export function DrillView({ id }: { id: string }) {
  const trpc = useTRPC();
  const drill = useQuery(
    trpc.drills.get.queryOptions(
      { id },
      {
        refetchInterval: pollUnlessNotFound((q) => (q.state.data && q.state.data.status !== "RUNNING" ? false : 1_000)),
      },
    ),
  );
  const canOperate = useCan("operator");
  const advance = useMutation(trpc.drills.advance.mutationOptions({ onSettled: () => drill.refetch() }));
  const abort = useMutation(trpc.drills.abort.mutationOptions({ onSettled: () => drill.refetch() }));
  const data = drill.data;
  if (isNotFound(drill.error)) return <NotFoundView />;
  if (!data) {
    if (drill.error)
      return (
        <ErrorState
          title="The console could not load this drill"
          detail={drill.error.message}
          onRetry={() => void drill.refetch()}
        />
      );
    return (
      <div role="status" aria-busy="true" aria-label="Loading the drill">
        <Skeleton width="40%" height="28px" />
      </div>
    );
  }
  const running = data.status === "RUNNING";
  const busy = data.phases.some((p) => p.status === "RUNNING");
  const next =
    running && !busy && !data.unattended && !data.aborting
      ? data.phases.find((p) => p.status === "PENDING")
      : undefined;
  const origin = drillOrigin(data);
  const now = drill.dataUpdatedAt || Date.now();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{SCENARIO_LABEL[data.scenario]} drill</h1>
          <div className="tags">
            <Link href={`/clusters/${encodeURIComponent(data.cluster)}`}>{data.cluster}</Link>
            <span className="tag">
              {data.scheduled ? "scheduled" : data.unattended ? "unattended" : "click-through"}
            </span>
            <span className="tag">by {data.startedBy}</span>
          </div>
        </div>
        <div className="drill-head-actions">
          <span
            className={`action-status status-${data.status}`}
            role="status"
            aria-label={`Drill ${outcomeLabel(data)}`}
          >
            {running
              ? data.aborting
                ? "◐ aborting — restoring the cluster"
                : "◐ running"
              : `${data.verdict === "PASS" ? "✓" : "✗"} ${outcomeLabel(data)}`}
          </span>
          {running && canOperate ? (
            <button
              type="button"
              className="danger"
              disabled={data.aborting || abort.isPending}
              onClick={() => abort.mutate({ id, reason: "operator pressed Abort in the console" })}
            >
              Abort and restore
            </button>
          ) : null}
          <a className="button" href={`/api/v1/drills/${encodeURIComponent(id)}?download=1`} download>
            Export JSON
          </a>
        </div>
      </div>
      {drill.error ? <StaleBanner error={drill.error.message} updatedAt={drill.dataUpdatedAt} /> : null}
      {abort.error ? (
        <p className="form-error" role="alert">
          {abort.error.message}
        </p>
      ) : null}
      <section className="panel summary" aria-label="Drill">
        <div>
          <span className="label">Reason</span>
          {data.reason}
        </div>
        <div>
          <span className="label">Fault</span>
          {data.faults.map((f) => `${f.fault.kind} on ${f.node}`).join(", ")}
        </div>
        <div>
          <span className="label">Fault at</span>
          {data.injectedAt ? <ClockTime at={data.injectedAt} /> : "not yet"}
        </div>
        <div>
          <span className="label">Stop conditions</span>error rate over {percent(data.stopConditions.maxErrorRate, 1)},
          lag over {bytes(data.stopConditions.maxLagBytes)}, or the global halt
        </div>
        {data.verdictDetail || data.abortReason ? (
          <div className="problem-cell">
            <span className="label">{running ? "Aborting" : "Verdict"}</span>
            {running ? data.abortReason : data.verdictDetail}
          </div>
        ) : null}
      </section>
      <div className="section-head">
        <h2>Phases</h2>
      </div>
      <ol className="panel steps drill-phases" aria-label="Phases">
        {data.phases.map((phase) => (
          <li
            key={phase.name}
            className={`step status-${phase.status}`}
            aria-current={phase.status === "RUNNING" ? "step" : undefined}
          >
            <span className="step-icon" aria-hidden="true">
              {PHASE_ICON[phase.status]}
            </span>
            <span className="step-name">{phase.name}</span>
            <span className="step-status">{phase.status.toLowerCase()}</span>
            <span className="muted">
              {phase.startedAt ? <ClockTime at={phase.startedAt} /> : null}
              {phase.startedAt ? ` · ${sinceStart(origin, phase.startedAt)}` : ""}
              {phase.startedAt && phase.finishedAt
                ? ` · took ${duration(new Date(phase.finishedAt).getTime() - new Date(phase.startedAt).getTime())}`
                : ""}
            </span>
            <span className="step-detail">{phase.plan}</span>
            {phase.detail ? (
              <span className="step-detail phase-outcome">
                <LinkedText text={phase.detail} refs={data.refs} />
              </span>
            ) : null}
            {next?.name === phase.name && canOperate ? (
              <span className="step-detail">
                <button
                  type="button"
                  className="primary"
                  disabled={advance.isPending}
                  onClick={() => advance.mutate({ id, phase: phase.name })}
                >
                  {advanceLabel(phase.name, data)}
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {advance.error ? (
        <p className="form-error" role="alert">
          {advance.error.message}
        </p>
      ) : null}
      <div className="section-head">
        <h2>Figures</h2>
        <span className="muted">
          {running
            ? "so far, measured from the fault"
            : "measured from the fault, judged against the cluster's targets"}
        </span>
      </div>
      <DrillFigures drill={data} />
      <DrillTimeline drill={data} now={now} />
      <div className="section-head">
        <h2>Drill traffic</h2>
        <span className="muted">events the drill&apos;s fault raised, marked with its id in events and webhooks</span>
      </div>
      <DrillEvents events={data.events} origin={origin} refs={data.refs} />
    </>
  );
}
