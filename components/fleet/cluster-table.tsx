// The overview's table: one row per cluster with its mode, size and each node's state.
import type { ReactNode } from "react";
import type { ClusterSummary } from "@/server/fleet/overview";
import { StateBadge, StateIcon } from "@/components/ui/state-badge";

const STATE_ORDER = ["DOWN", "SUSPECT", "UNKNOWN", "HEALTHY"] as const;

export function ClusterTable({
  clusters,
  actions,
}: {
  clusters: ClusterSummary[];
  /** Per-row controls, present only for roles that may use them. */
  actions?: (cluster: ClusterSummary) => ReactNode;
}) {
  return (
    <div className="panel">
      <table className="data">
        <caption className="skip-link">Clusters and the state of their nodes</caption>
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            <th scope="col">Mode</th>
            <th scope="col" className="num">Nodes</th>
            <th scope="col">Health</th>
            <th scope="col">Members</th>
            {actions ? <th scope="col"><span className="skip-link">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {clusters.map((cluster) => (
            <tr key={cluster.name} data-cluster={cluster.name}>
              <th scope="row">
                <div className="cluster-name">{cluster.name}</div>
                <div className="muted">{cluster.system}</div>
                {cluster.paused ? <span className="tag paused">Paused</span> : null}
              </th>
              <td>
                <span className="tag">{cluster.mode}</span>
              </td>
              <td className="num">{cluster.nodeCount}</td>
              <td>
                <ul className="state-counts" aria-label={`${cluster.name} node states`}>
                  {STATE_ORDER.filter((state) => cluster.states[state] > 0).map((state) => (
                    <li key={state}>
                      <StateBadge state={state} count={cluster.states[state]} />
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <ul className="node-chips" aria-label={`${cluster.name} nodes`}>
                  {cluster.nodes.map((node) => (
                    <li key={node.name} className="node-chip" data-node={node.name}>
                      <StateIcon state={node.state} />
                      <span>{node.name}</span>
                      <span className="role">{node.role}</span>
                    </li>
                  ))}
                </ul>
              </td>
              {actions ? <td className="num">{actions(cluster)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
