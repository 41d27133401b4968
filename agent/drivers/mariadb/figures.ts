// Replication as the status document says it, from what the server answered: a replica's upstream,
// mode and lag (seconds, relay bytes, GTID transactions); a primary's replicas with their sync state
// and how far each is behind its binlog.
import type { AgentStatus } from "../../protocol.ts";
import type { MariadbConfig } from "./config.ts";
import { parseGtids, transactionsBehind } from "./gtid.ts";
import type { Observed } from "./queries.ts";
import type { ReplicaStatus } from "./replica-status.ts";

type Replication = NonNullable<AgentStatus["replication"]>;
type Peer = MariadbConfig["peers"][number];

/** A replica's executed position in its upstream's binlog, as that replica's own SHOW REPLICA STATUS says. */
export type PeerPosition = NonNullable<ReplicaStatus["executed"]> & { threads: ReplicaStatus["io"] };

export function replicaFigures(
  observed: Observed,
  peers: Peer[],
  seen: { heartbeatLagSeconds: number | null; upstreamGtid: string | null },
): Replication {
  const replica = observed.replica!;
  const upstream = peers.find((p) => p.host === replica.host && p.port === replica.port)?.name;
  // Seconds_Behind_Master says 0 on an idle link and nothing useful on a broken one; a heartbeat stamp does.
  const lagSeconds = seen.heartbeatLagSeconds ?? replica.secondsBehind;
  const applied = observed.gtid.slavePos;
  const ahead = seen.upstreamGtid ?? replica.receivedGtid;
  return {
    ...(upstream ? { upstream } : {}),
    mode: observed.semiSync.replicaActive ? "sync" : "async",
    ...(replica.lagBytes !== null ? { lagBytes: replica.lagBytes } : {}),
    ...(lagSeconds !== null ? { lagSeconds } : {}),
    ...(observed.mariadb && applied ? { gtid: applied } : {}),
    ...(observed.mariadb && ahead !== null
      ? { lagTransactions: transactionsBehind(parseGtids(ahead), parseGtids(applied)) }
      : {}),
  };
}

/** Semi-sync AFTER_SYNC is the only mode in which no acknowledged transaction can be missing on a replica. */
export function primaryMode(observed: Observed): "sync" | "async" {
  const s = observed.semiSync;
  return s.primaryEnabled && s.primaryActive && s.afterSync && s.clients > 0 ? "sync" : "async";
}

/**
 * Each registered replica named by its peer entry (SHOW SLAVE HOSTS gives its report_host and port),
 * with the bytes it has yet to execute when its own position is known; an unknown one is left out
 * rather than reported caught up.
 */
export function primaryFigures(observed: Observed, peers: Peer[], positions: Map<string, PeerPosition>): Replication {
  const mode = primaryMode(observed);
  const named = observed.replicas
    .map((r) => peers.find((p) => p.port === r.port && (!r.host || p.host === r.host)))
    .filter((p): p is Peer => p !== undefined);
  const standbys = named.flatMap((peer) => {
    const at = positions.get(peer.name);
    const binlog = observed.binlog;
    if (!at || !binlog || at.file !== binlog.file) return [];
    return [
      {
        name: peer.name,
        state: at.threads === "running" ? "streaming" : at.threads,
        syncState: mode === "sync" ? (named.length > 1 ? "quorum" : "sync") : "async",
        lagBytes: Math.max(0, binlog.position - at.position),
      },
    ];
  });
  return {
    mode,
    ...(observed.mariadb && observed.gtid.binlogPos ? { gtid: observed.gtid.binlogPos } : {}),
    standbys,
  };
}
