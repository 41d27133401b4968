// The overview's table: one row per cluster, problems first, each with its health, its worst
// problem in words, replication lag or traffic by region, availability against its target, and
// its readiness score.
import Link from "next/link";
import type { ReactNode } from "react";
import type { ClusterSummary } from "@/server/fleet/overview";
import { NextStepLink } from "@/components/actions/next-step-link";
import { BudgetBar } from "@/components/ui/budget-bar";
import { bytes, percent, roleLabel, seconds } from "@/lib/format";
import { ProblemLine } from "@/components/ui/problem-line";
import { StateBadge, StateIcon } from "@/components/ui/state-badge";
import { ReadinessCell } from "./readiness-cell";

const STATE_ORDER = ["DOWN", "SUSPECT", "UNKNOWN", "HEALTHY"] as const;

function ReplicationOrTraffic({ cluster }: { cluster: ClusterSummary }) {
  if (cluster.worstLag) {
    const { node, bytes: lagBytes, seconds: lagSeconds, budgetBytes, budgetSeconds } = cluster.worstLag;
    return (
      <div className="lag-cell">
        <div>
          <strong>{bytes(lagBytes)}</strong> / {seconds(lagSeconds)}
        </div>
        <div className="muted">worst standby {node}</div>
        <div className="muted">
          RPO {bytes(budgetBytes)} / {seconds(budgetSeconds)}
        </div>
      </div>
    );
  }
  if (cluster.trafficByRegion.length) {
    return (
      <ul className="plain" aria-label={`${cluster.name} traffic by region`}>
        {cluster.trafficByRegion.map((r) => (
          <li key={r.region}>
            <strong>{percent(r.share)}</strong> <span className="muted">{r.region}</span>
          </li>
        ))}
      </ul>
    );
  }
  return <span className="muted">–</span>;
}

export function ClusterTable({
  clusters,
  actions,
  offerFixes = false,
}: {
  clusters: ClusterSummary[];
  /** Each problem's fix as a button, for roles that may run it. */
  offerFixes?: boolean;
  /** Per-row controls, present only for roles that may use them. */
  actions?: (cluster: ClusterSummary) => ReactNode;
}) {
  return (
    <div className="panel scroll-x">
      <table className="data fleet">
        <caption className="skip-link">Clusters and the state of their nodes</caption>
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            <th scope="col" className="num">
              Nodes
            </th>
            <th scope="col">Health</th>
            <th scope="col">Members</th>
            <th scope="col">Lag / traffic</th>
            <th scope="col">Availability, 30 d</th>
            <th scope="col">Readiness</th>
            {actions ? (
              <th scope="col">
                <span className="skip-link">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {clusters.map((cluster) => (
            <tr key={cluster.name} data-cluster={cluster.name}>
              <th scope="row">
                <Link className="cluster-name" href={`/clusters/${encodeURIComponent(cluster.name)}`}>
                  {cluster.name}
                </Link>
                <div className="muted">
                  {cluster.system} <span className="tag">{cluster.mode}</span>
                </div>
                {cluster.paused ? <span className="tag paused">Paused</span> : null}
              </th>
              <td className="num">{cluster.nodeCount}</td>
              <td className="health-cell">
                <ul className="state-counts" aria-label={`${cluster.name} node states`}>
                  {STATE_ORDER.filter((state) => cluster.states[state] > 0).map((state) => (
                    <li key={state}>
                      <StateBadge state={state} count={cluster.states[state]} />
                    </li>
                  ))}
                </ul>
                <ProblemLine problem={cluster.problem} />
                {offerFixes ? <NextStepLink cluster={cluster.name} problem={cluster.problem} /> : null}
              </td>
              <td>
                <ul className="node-chips" aria-label={`${cluster.name} nodes`}>
                  {cluster.nodes.map((node) => (
                    <li key={node.name} className="node-chip" data-node={node.name}>
                      <StateIcon state={node.state} />
                      <span>{node.name}</span>
                      <span className="role">{roleLabel(node)}</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <ReplicationOrTraffic cluster={cluster} />
              </td>
              <td>
                <BudgetBar value={cluster.availability} />
              </td>
              <td>
                <ReadinessCell cluster={cluster.name} readiness={cluster.readiness} />
              </td>
              {actions ? <td className="num">{actions(cluster)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
