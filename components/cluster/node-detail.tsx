// One node's details beside the topology: what its agent last said, layer by layer; or, for a link
// naming a node the cluster does not have, that there is none.
import type { NodeDetail as Node } from "@/server/fleet/cluster-detail";
import { bytes, percent, rate, roleLabel, seconds } from "@/lib/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { StateBadge } from "@/components/ui/state-badge";
import { PauseButton } from "@/components/fleet/pause-button";
import { CheckList } from "./check-list";
import { checksStaleSince, isDegraded } from "./node-health";

export function NodeDetail({
  selected,
  node,
  cluster,
  canOperate,
  now,
  onClose,
}: {
  selected: string | null;
  node: Node | undefined;
  cluster: string;
  canOperate: boolean;
  now: number;
  onClose: () => void;
}) {
  if (!node && selected) {
    return (
      <aside className="panel node-detail" aria-label="Node details">
        <div className="node-detail-head">
          <h3>No node named {selected}</h3>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        <p>
          {cluster} has no node named {selected}: it may have been removed, or the link is mistyped. Select one in the
          topology or the table.
        </p>
      </aside>
    );
  }
  if (!node) {
    return (
      <aside className="panel node-detail empty-detail" aria-label="Node details">
        <p className="muted">
          Select a node in the topology or the table to see its checks, replication, traffic and peers.
        </p>
      </aside>
    );
  }
  const verdict = node.peerVerdict;
  return (
    <aside className="panel node-detail" aria-label={`Details of ${node.name}`}>
      <div className="node-detail-head">
        <h3>{node.name}</h3>
        <span className="node-detail-buttons">
          {canOperate ? <PauseButton cluster={cluster} node={node.name} paused={node.paused} /> : null}
          <button type="button" onClick={onClose} aria-label="Close the node details">
            Close
          </button>
        </span>
      </div>
      <dl className="facts">
        <dt>State</dt>
        <dd>
          <StateBadge state={node.state} degraded={isDegraded(node)} />{" "}
          <span className="muted">
            since <RelativeTime at={node.stateChangedAt} now={now} />
          </span>
          {node.state === "DOWN" ? (
            <div className="muted">
              {node.isolated
                ? "isolated: its peers still reach it"
                : node.confirmedDown
                  ? "confirmed down by its peers"
                  : "not confirmed by its peers"}
              {verdict ? ` (${verdict.unreachableBy}/${verdict.of} cannot reach it)` : ""}
            </div>
          ) : null}
        </dd>
        <dt>Role</dt>
        <dd>
          {roleLabel(node)}
          {node.fenced ? " · fenced" : ""}
          {node.paused ? " · paused" : ""}
          {node.reportedRole !== node.role ? <div className="muted">its agent says {node.reportedRole}</div> : null}
          {node.needsRejoin ? <div className="muted">replaced by a failover: rejoin it as a standby</div> : null}
        </dd>
        <dt>Where</dt>
        <dd>
          {node.region} / {node.zone}
        </dd>
        <dt>Last seen</dt>
        <dd>
          <RelativeTime at={node.lastSeenAt} now={now} />
        </dd>
        <dt>Agent</dt>
        <dd>
          <code>{node.agentUrl ?? "push-only"}</code>
        </dd>
        {node.replication ? (
          <>
            <dt>Replication</dt>
            <dd>
              {node.replication.mode ?? "?"}
              {node.replication.upstream ? ` from ${node.replication.upstream}` : ""}
              {node.replication.bytes != null ? (
                <div>
                  lag {bytes(node.replication.bytes)} / {seconds(node.replication.seconds)}
                  {node.lagOver ? " — over threshold" : ""}
                </div>
              ) : null}
            </dd>
          </>
        ) : null}
        {node.traffic ? (
          <>
            <dt>Traffic</dt>
            <dd>
              {rate(node.traffic.requestsPerSec)} · weight {node.traffic.weight ?? node.weight} ·{" "}
              {node.traffic.state ?? "ready"}
              <div className="muted">
                {node.traffic.activeConnections ?? 0} connections · errors {percent(node.traffic.errorRate ?? 0, 2)}
              </div>
            </dd>
          </>
        ) : null}
        <dt>Checks</dt>
        <dd>
          <CheckList checks={node.checks} staleSince={checksStaleSince(node)} />
        </dd>
        <dt>Peers</dt>
        <dd>
          {node.peers.length === 0 ? (
            <span className="muted">none reported</span>
          ) : (
            <ul className="plain">
              {node.peers.map((peer) => (
                <li key={peer.node}>
                  {peer.reachable ? "✓" : "✗"} {peer.node}{" "}
                  <span className="muted">{peer.reachable ? `${peer.latencyMs ?? "?"} ms` : "unreachable"}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </aside>
  );
}
