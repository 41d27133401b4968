// What each peer's server says of itself, asked in the same poll and alongside this node's own
// checks (a stalled peer costs its connect timeout once, not on top of them): the GTID position it
// has written, for a replica's lag in transactions, and its replica status, for how far it has got
// in this primary's binlog.
import type { MariadbConfig } from "./config.ts";
import type { PeerPosition } from "./figures.ts";
import { parseReplicaStatus, type ReplicaStatus } from "./replica-status.ts";
import { scalar, withServer } from "./session.ts";

export interface PeerSeen {
  gtid: string | null;
  replica: ReplicaStatus | null;
}

export async function peersSeen(config: MariadbConfig): Promise<Map<string, PeerSeen>> {
  const seen = await Promise.all(
    config.peers.map((peer) =>
      withServer({ ...config, host: peer.host, port: peer.port }, async (s) => {
        const row = (await s.rows("SHOW REPLICA STATUS"))[0];
        // MySQL has no gtid_binlog_pos: its GTIDs are not counted.
        const gtid = await scalar(s, "SELECT @@gtid_binlog_pos").then(String, () => null);
        return [peer.name, { gtid, replica: row ? parseReplicaStatus(row) : null }] as const;
      }).catch(() => null),
    ),
  );
  return new Map(seen.filter((entry) => entry !== null));
}

/** Where each peer replicating from this server (its port) has executed to, by its own word. */
export function positionsOf(seen: Map<string, PeerSeen>, port: number): Map<string, PeerPosition> {
  const positions = new Map<string, PeerPosition>();
  for (const [name, { replica }] of seen)
    if (replica?.executed && replica.port === port) positions.set(name, { ...replica.executed, threads: replica.io });
  return positions;
}
