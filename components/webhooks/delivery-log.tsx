"use client";

// One endpoint's deliveries, newest first, each attempt with time, status, latency and the
// receiver's words; redeliver queues the same message again.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { pollUnlessNotFound } from "@/components/trpc/not-found";
import { ClockTime } from "@/components/ui/clock-time";
import { QueryStates } from "@/components/ui/query-states";
import { EmptyState, Skeleton } from "@/components/ui/states";

export function DeliveryLog({ id }: { id: string }) {
  const trpc = useTRPC();
  const log = useQuery(trpc.webhooks.deliveries.queryOptions({ id }, { refetchInterval: pollUnlessNotFound(5_000) }));
  const redeliver = useMutation(trpc.webhooks.redeliver.mutationOptions({ onSuccess: () => log.refetch() }));
  const loading = (
    <div role="status" aria-busy="true" aria-label="Loading deliveries">
      <Skeleton width="50%" />
    </div>
  );
  return (
    <QueryStates query={log} what="this endpoint" loading={loading}>
      {({ endpoint, deliveries }) => (
        <>
          <div className="page-head">
            <div>
              <h1>Deliveries</h1>
              <div className="muted">
                {endpoint.url} · {endpoint.events.join(", ")} · {endpoint.format.toLowerCase()} ·{" "}
                {endpoint.enabled
                  ? "enabled"
                  : `disabled${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ""}`}
              </div>
            </div>
          </div>
          {redeliver.error ? (
            <p className="form-error" role="alert">
              {redeliver.error.message}
            </p>
          ) : null}
          {deliveries.length === 0 ? (
            <EmptyState title="No deliveries yet">
              Events this endpoint subscribes to appear here as they are sent.
            </EmptyState>
          ) : (
            <ol className="panel deliveries" aria-label="Deliveries">
              {deliveries.map((d) => (
                <li key={d.id} className={`delivery delivery-${d.status}`}>
                  <div className="delivery-head">
                    <strong>{d.status.toLowerCase()}</strong>
                    <code>{d.event.type}</code>
                    <span>{d.event.summary}</span>
                    <span className="muted">
                      <ClockTime at={d.createdAt} /> · {d.attemptCount} attempt{d.attemptCount === 1 ? "" : "s"}
                      {d.nextAttemptAt && d.status === "PENDING" ? (
                        <>
                          {" "}
                          · next <ClockTime at={d.nextAttemptAt} />
                        </>
                      ) : null}
                    </span>
                    <button
                      type="button"
                      onClick={() => redeliver.mutate({ id: d.id })}
                      disabled={redeliver.isPending}
                      aria-label={`Redeliver ${d.messageId}`}
                    >
                      Redeliver
                    </button>
                  </div>
                  <ul className="attempts">
                    {d.attempts.map((a) => (
                      <li key={a.at.toString()}>
                        <ClockTime at={a.at} /> ·{" "}
                        {a.statusCode === null ? (
                          <span className="check-failed">{a.error}</span>
                        ) : (
                          `HTTP ${a.statusCode}`
                        )}{" "}
                        · {a.latencyMs} ms
                        {a.responseExcerpt ? (
                          <>
                            {" "}
                            · <code>{a.responseExcerpt.slice(0, 160)}</code>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </QueryStates>
  );
}
