// Every node of the cluster in one table: role, state, place, weight, lag, last seen, checks.
import type { NodeDetail } from "@/server/fleet/cluster-detail";
import { bytes, roleLabel, seconds } from "@/lib/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { StateBadge } from "@/components/ui/state-badge";
import { CheckList } from "./check-list";
import { checksStaleSince, isDegraded } from "./node-health";

export function NodeTable({
  nodes,
  now,
  onSelect,
}: {
  nodes: NodeDetail[];
  now: number;
  onSelect: (name: string) => void;
}) {
  return (
    <div className="panel scroll-x">
      <table className="data">
        <caption className="skip-link">Nodes</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Region / zone</th>
            <th scope="col" className="num">
              Weight
            </th>
            <th scope="col" className="num">
              Lag
            </th>
            <th scope="col">Last seen</th>
            <th scope="col">Checks</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={node.name} data-node={node.name}>
              <th scope="row">
                <button type="button" className="link" onClick={() => onSelect(node.name)}>
                  {node.name}
                </button>
              </th>
              <td>
                {roleLabel(node)}
                {node.needsRejoin ? <div className="tag failing">rejoin</div> : null}
              </td>
              <td>
                <StateBadge state={node.state} degraded={isDegraded(node)} />
                {node.failingAppChecks.length && node.state !== "DOWN" ? (
                  <div className="tag failing" title={`failing: ${node.failingAppChecks.join(", ")}`}>
                    service failing
                  </div>
                ) : null}
                {node.isolated ? <div className="tag">isolated</div> : null}
                {node.confirmedDown ? <div className="tag">confirmed</div> : null}
                {node.fenced ? <div className="tag">fenced</div> : null}
                {node.trafficState && node.trafficState !== "ready" ? (
                  <div className="tag">{node.trafficState}</div>
                ) : null}
              </td>
              <td>
                {node.region}
                <div className="muted">{node.zone}</div>
              </td>
              <td className="num">{node.traffic?.weight ?? node.weight}</td>
              <td className="num">
                {node.replication?.bytes != null ? (
                  <>
                    {bytes(node.replication.bytes)}
                    <div className="muted">{seconds(node.replication.seconds)}</div>
                  </>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
              <td>
                <RelativeTime at={node.lastSeenAt} now={now} />
              </td>
              <td>
                <CheckList checks={node.checks} compact staleSince={checksStaleSince(node)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
