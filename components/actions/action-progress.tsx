"use client";

// One action's live progress: its status, each step with its times and words, and the outcome.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCan } from "@/components/auth/session-context";
import Link from "next/link";
import { NotFoundView } from "@/components/not-found/not-found-view";
import { useTRPC } from "@/components/trpc/client";
import { isNotFound, pollUnlessNotFound } from "@/components/trpc/not-found";
import { ClockTime } from "@/components/ui/clock-time";
import { duration } from "@/lib/format";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { GuardList } from "./guard-list";

const ICON = {
  PENDING: "○",
  RUNNING: "◐",
  SUCCEEDED: "✓",
  FAILED: "✗",
  SKIPPED: "–",
  ABORTED: "✗",
} as const;

export function ActionProgress({ id }: { id: string }) {
  const trpc = useTRPC();
  const action = useQuery(
    trpc.actions.get.queryOptions(
      { id },
      {
        refetchInterval: pollUnlessNotFound((query) =>
          query.state.data && ["SUCCEEDED", "FAILED", "ABORTED"].includes(query.state.data.status) ? false : 1_000,
        ),
      },
    ),
  );
  const canOperate = useCan("operator");
  const approve = useMutation(trpc.actions.approve.mutationOptions({ onSuccess: () => action.refetch() }));
  const data = action.data;
  if (isNotFound(action.error)) return <NotFoundView />;
  if (!data) {
    if (action.error)
      return (
        <ErrorState
          title="The console could not load this action"
          detail={action.error.message}
          onRetry={() => void action.refetch()}
        />
      );
    return (
      <div role="status" aria-busy="true" aria-label="Loading the action">
        <Skeleton width="40%" height="28px" />
      </div>
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>
            {data.type} {data.target ?? ""}
          </h1>
          <div className="tags">
            <Link href={`/clusters/${encodeURIComponent(data.cluster)}`}>{data.cluster}</Link>
            <span className="tag">by {data.requestedBy ?? "unknown"}</span>
          </div>
        </div>
        <span
          className={`action-status status-${data.status}`}
          role="status"
          aria-label={`Status: ${data.status.toLowerCase()}`}
        >
          {ICON[data.status]} {data.status.toLowerCase()}
          {data.awaitingApproval ? " — waiting for a second operator's approval" : ""}
        </span>
      </div>
      <section className="panel summary" aria-label="Request">
        <div>
          <span className="label">Reason</span>
          {data.reason}
        </div>
        <div>
          <span className="label">Requested</span>
          <ClockTime at={data.createdAt} />
        </div>
        <div>
          <span className="label">Took</span>
          {data.startedAt && data.finishedAt
            ? duration(new Date(data.finishedAt).getTime() - new Date(data.startedAt).getTime())
            : "–"}
        </div>
        {data.outcome ? (
          <div className="problem-cell">
            <span className="label">Outcome</span>
            {data.outcome}
          </div>
        ) : null}
        {data.awaitingApproval && canOperate ? (
          <div className="problem-cell">
            <button
              type="button"
              className="primary"
              disabled={approve.isPending}
              onClick={() => approve.mutate({ id })}
            >
              Approve (second operator)
            </button>
            {approve.error ? (
              <p className="form-error" role="alert">
                {approve.error.message}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>
      <div className="section-head">
        <h2>Steps</h2>
      </div>
      <ol className="panel steps" aria-label="Steps">
        {data.steps.map((step) => (
          <li key={step.name} className={`step status-${step.status}`}>
            <span className="step-icon" aria-hidden="true">
              {ICON[step.status]}
            </span>
            <span className="step-name">{step.name}</span>
            <span className="step-status">{step.status.toLowerCase()}</span>
            <span className="muted">
              {step.startedAt ? <ClockTime at={step.startedAt} /> : null}
              {step.startedAt && step.finishedAt
                ? ` · ${duration(new Date(step.finishedAt).getTime() - new Date(step.startedAt).getTime())}`
                : ""}
            </span>
            {step.detail ? <span className="step-detail">{step.detail}</span> : null}
          </li>
        ))}
      </ol>
      <div className="section-head">
        <h2>Guards at request time</h2>
      </div>
      <div className="panel" style={{ padding: "var(--space-3) var(--space-4)" }}>
        <GuardList guards={data.guards} />
        {data.overrides.length ? <p className="muted">Overridden by an admin: {data.overrides.join(", ")}</p> : null}
      </div>
    </>
  );
}
