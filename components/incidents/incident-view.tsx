"use client";

// One incident: what, where, when, how long, the time without a writable primary, then everything
// that happened on one timeline; live while it lasts, exportable as Markdown.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { pollUnlessNotFound } from "@/components/trpc/not-found";
import { ClockTime } from "@/components/ui/clock-time";
import { QueryStates } from "@/components/ui/query-states";
import { duration } from "@/lib/format";
import { clusterHref, incidentsHref, nodeHref } from "@/lib/links";
import type { IncidentDetail } from "@/server/incidents/read";
import { IncidentExport } from "./copy-markdown";
import { IncidentTimeline } from "./incident-timeline";

function Impact({ incident }: { incident: IncidentDetail }) {
  const { impact } = incident;
  if (!impact) {
    return incident.mode === "active-passive" ? (
      <>none: the primary was not lost</>
    ) : (
      <>not measured (active-active: no primary to lose); the timeline shows each node out of service</>
    );
  }
  return (
    <>
      {duration(impact.ms)} without a writable primary
      <span className="muted">
        {" "}
        ({impact.node ? <Link href={nodeHref(incident.cluster, impact.node)}>{impact.node}</Link> : "the primary"} lost
        at <ClockTime at={new Date(impact.from)} />
        {impact.to ? (
          <>
            , writable again at <ClockTime at={new Date(impact.to)} />
          </>
        ) : (
          ", still without one"
        )}
        )
      </span>
    </>
  );
}

export function IncidentView({ id }: { id: string }) {
  const trpc = useTRPC();
  const incident = useQuery(
    trpc.incidents.get.queryOptions(
      { id },
      { refetchInterval: pollUnlessNotFound((q) => (q.state.data?.end ? false : 5_000)) },
    ),
  );
  return (
    <QueryStates query={incident} what="the incident">
      {(data) => (
        <div className="stack">
          <div className="page-head">
            <h1>{data.title}</h1>
            <span className="muted">
              Incident on <Link href={clusterHref(data.cluster)}>{data.cluster}</Link> ·{" "}
              <Link href={incidentsHref(data.cluster)}>all its incidents</Link>
              {data.drill ? (
                <>
                  {" "}
                  · caused by the <Link href={data.drill.href}>{data.drill.label}</Link>
                </>
              ) : null}
            </span>
          </div>
          <section className="panel" aria-label="Summary">
            <dl className="incident-facts">
              <div>
                <dt>Started</dt>
                <dd>
                  <ClockTime at={new Date(data.start)} />
                </dd>
              </div>
              <div>
                <dt>Ended</dt>
                <dd>{data.end ? <ClockTime at={new Date(data.end)} /> : <span className="ongoing">ongoing</span>}</dd>
              </div>
              <div>
                <dt>Duration</dt>
                <dd>
                  {duration(data.durationMs)}
                  {data.end ? "" : " so far"}
                </dd>
              </div>
              <div className="incident-impact">
                <dt>Impact</dt>
                <dd>
                  <Impact incident={data} />
                </dd>
              </div>
            </dl>
          </section>
          <div className="section-head">
            <h2 id="timeline-title">Timeline</h2>
            <span className="muted">times from the start; the clock time on hover</span>
          </div>
          <IncidentTimeline items={data.timeline} />
          <IncidentExport id={data.id} />
        </div>
      )}
    </QueryStates>
  );
}
