"use client";

// A cluster's page: its state in words, its readiness, the topology with a node's details (the node
// named in the URL), trends, the node table and recent events. Refreshes by itself; a failed refresh
// keeps the data under a banner.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { isNotFound, pollUnlessNotFound } from "@/components/trpc/not-found";
import { BudgetBar } from "@/components/ui/budget-bar";
import { ClockTime } from "@/components/ui/clock-time";
import { bytes, duration, seconds } from "@/lib/format";
import { incidentsHref } from "@/lib/links";
import { ProblemLine } from "@/components/ui/problem-line";
import { StaleBanner } from "@/components/ui/stale-banner";
import { QueryStates } from "@/components/ui/query-states";
import { EmptyState, LoadingPanel, Skeleton } from "@/components/ui/states";
import { Topology } from "@/components/topology/topology";
import { ActionPanel } from "@/components/actions/action-panel";
import { NextStepLink } from "@/components/actions/next-step-link";
import { useCan } from "@/components/auth/session-context";
import { DrillHistory } from "@/components/drills/drill-history";
import { NewDrillLink } from "@/components/drills/new-drill-link";
import { EventsList } from "./events-list";
import { HooksPanel } from "./hooks-panel";
import { NodeDetail } from "./node-detail";
import { NodeTable } from "./node-table";
import { ReadinessCard } from "./readiness-card";
import { RoutesPanel } from "./routes-panel";
import { SettingsForm } from "./settings-form";
import { SilenceControl } from "./silence-control";
import { Trends } from "./trends";
import { useClusterView } from "./use-cluster-view";

const REFRESH_MS = 5_000;

export function ClusterPage({ name }: { name: string }) {
  const trpc = useTRPC();
  const cluster = useQuery(
    trpc.fleet.cluster.queryOptions({ name }, { refetchInterval: pollUnlessNotFound(REFRESH_MS) }),
  );
  const gone = isNotFound(cluster.error);
  const events = useQuery(
    trpc.fleet.events.queryOptions({ name, limit: 50 }, { refetchInterval: gone ? false : REFRESH_MS }),
  );
  const [view, change] = useClusterView();
  const selected = view.node;
  const canOperate = useCan("operator");
  const isAdmin = useCan("admin");
  const now = cluster.dataUpdatedAt || Date.now();
  const select = (node: string) => change({ node: selected === node ? null : node });
  const loading = (
    <div role="status" aria-busy="true" aria-label={`Loading ${name}`} className="stack">
      <Skeleton width="30%" height="28px" />
      <div className="panel" style={{ padding: "var(--space-4)" }}>
        <Skeleton height="260px" />
      </div>
    </div>
  );

  return (
    <QueryStates query={cluster} what={name} loading={loading}>
      {(data) => (
        <>
          <div className="page-head">
            <div>
              <h1>{data.name}</h1>
              <div className="tags">
                <span className="tag">{data.mode}</span> <span className="tag">{data.system}</span>{" "}
                <span className="tag">
                  {data.managedBy === "sentinel" ? "failover by Redis Sentinel" : `failover ${data.policy}`}
                </span>
                {data.paused ? (
                  <>
                    {" "}
                    <span className="tag paused">Paused</span>
                  </>
                ) : null}
              </div>
            </div>
            <span className="muted">
              Updated <ClockTime at={cluster.dataUpdatedAt} />
            </span>
          </div>
          {cluster.error ? <StaleBanner error={cluster.error.message} updatedAt={cluster.dataUpdatedAt} /> : null}
          <section className="panel summary" aria-label="Summary">
            <div className="problem-cell">
              <ProblemLine problem={data.problem} />
              {canOperate ? <NextStepLink cluster={data.name} problem={data.problem} /> : null}
            </div>
            <div>
              <span className="label">Detection</span>
              every {duration(data.intervalMs)}, timeout {duration(data.timeoutMs)}, {data.failureThreshold} failures
              <div className="muted">down within {duration(data.detectionBoundMs)} at worst</div>
            </div>
            <div>
              <span className="label">RPO budget</span>
              {data.mode === "active-passive" ? (
                <>
                  {bytes(data.rpoBudgetBytes)} / {seconds(data.rpoBudgetSeconds)}
                </>
              ) : (
                <span className="muted">–</span>
              )}
              <div className="muted">RTO target {duration(data.rtoTargetMs)}</div>
            </div>
            <div>
              <span className="label">Availability, 30 days</span>
              <BudgetBar value={data.availability} />
            </div>
            <SilenceControl cluster={data.name} canOperate={canOperate} />
          </section>
          <ReadinessCard readiness={data.readiness} />
          {canOperate ? <ActionPanel cluster={data} selected={selected} /> : null}
          {isAdmin ? (
            <>
              <SettingsForm cluster={data} />
              <HooksPanel cluster={data.name} nodes={data.nodes.map((n) => n.name)} />
              <RoutesPanel cluster={data.name} nodes={data.nodes.map((n) => n.name)} />
            </>
          ) : null}

          <section aria-labelledby="topology-title">
            <div className="section-head">
              <h2 id="topology-title">Topology</h2>
            </div>
            {data.nodes.length === 0 ? (
              <EmptyState title="No nodes in this cluster" />
            ) : (
              <div className="topology-area">
                <div className="panel">
                  <Topology cluster={data} selected={selected} onSelect={select} />
                </div>
                <NodeDetail
                  selected={selected}
                  node={data.nodes.find((n) => n.name === selected)}
                  cluster={data.name}
                  canOperate={canOperate}
                  now={now}
                  onClose={() => change({ node: null })}
                />
              </div>
            )}
          </section>

          <Trends cluster={data} view={view} change={change} />

          <section aria-labelledby="nodes-title">
            <div className="section-head">
              <h2 id="nodes-title">Nodes</h2>
            </div>
            {data.nodes.length ? (
              <NodeTable nodes={data.nodes} now={now} onSelect={select} />
            ) : (
              <EmptyState title="No nodes in this cluster" />
            )}
          </section>

          <section aria-labelledby="events-title">
            <div className="section-head">
              <h2 id="events-title">Recent events</h2>
              <Link href={incidentsHref(data.name)}>Incidents</Link>
            </div>
            <QueryStates
              query={events}
              what="the events"
              loading={<LoadingPanel label="Loading events" width="70%" />}
              empty={<EmptyState title="No events yet">State changes, lag and traffic alerts appear here.</EmptyState>}
            >
              {(rows) => <EventsList events={rows} now={events.dataUpdatedAt || now} />}
            </QueryStates>
          </section>

          <section aria-labelledby="drills-title">
            <div className="section-head">
              <h2 id="drills-title">Drills</h2>
              <NewDrillLink cluster={data.name} />
            </div>
            <DrillHistory cluster={data.name} />
          </section>
        </>
      )}
    </QueryStates>
  );
}
