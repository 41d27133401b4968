// What INFO replication says, as the driver needs it: a master's replicas (each as the master last
// heard from it) or a replica's link to its master, and the lag arithmetic on replication offsets.

export type Fields = Record<string, string>;

/** INFO's `key:value` lines; section headers and blank lines are skipped. */
export function parseInfo(text: string): Fields {
  const fields: Fields = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(":");
    if (at > 0 && !line.startsWith("#")) fields[line.slice(0, at)] = line.slice(at + 1).trim();
  }
  return fields;
}

/** A `slaveN:ip=…,port=…,state=…,offset=…,lag=…` value as its fields. */
export function parseReplicaLine(value: string): Fields {
  return Object.fromEntries(
    value.split(",").flatMap((pair) => {
      const at = pair.indexOf("=");
      return at > 0 ? [[pair.slice(0, at), pair.slice(at + 1)]] : [];
    }),
  );
}

export interface ReplicaSeen {
  host: string;
  port: number;
  /** online, wait_bgsave, send_bulk: where the master is with this replica. */
  state: string;
  /** The offset the replica last acknowledged (it does once a second). */
  offset: number;
  /** Seconds since that acknowledgement. */
  lagSeconds: number;
}

export type ReplicationInfo =
  | { role: "master"; offset: number; replicas: ReplicaSeen[]; goodReplicas: number | null }
  | {
      role: "replica";
      offset: number;
      /** Received from the master, whether or not applied yet. */
      readOffset: number;
      masterHost: string;
      masterPort: number;
      linkUp: boolean;
      syncing: boolean;
      /** Seconds since the master was last heard from; null while the link is down. */
      lastIoSeconds: number | null;
      /** Seconds the link has been down; null while it is up. */
      downSeconds: number | null;
    };

const int = (value: string | undefined, fallback = 0) => {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) ? n : fallback;
};

export function replicationInfo(fields: Fields): ReplicationInfo {
  if (fields.role !== "slave") {
    const replicas = Object.entries(fields)
      .filter(([key]) => /^slave\d+$/.test(key))
      .map(([, value]) => parseReplicaLine(value))
      .map((r) => ({
        host: r.ip ?? "",
        port: int(r.port),
        state: r.state ?? "unknown",
        offset: int(r.offset),
        lagSeconds: int(r.lag),
      }));
    const good = fields.min_slaves_good_slaves;
    return {
      role: "master",
      offset: int(fields.master_repl_offset),
      replicas,
      goodReplicas: good === undefined ? null : int(good),
    };
  }
  const offset = int(fields.slave_repl_offset, int(fields.master_repl_offset));
  const linkUp = fields.master_link_status === "up";
  const down = int(fields.master_link_down_since_seconds, -1);
  const io = int(fields.master_last_io_seconds_ago, -1);
  return {
    role: "replica",
    offset,
    readOffset: int(fields.slave_read_repl_offset, offset),
    masterHost: fields.master_host ?? "",
    masterPort: int(fields.master_port),
    linkUp,
    syncing: fields.master_sync_in_progress === "1",
    lastIoSeconds: linkUp && io >= 0 ? io : null,
    downSeconds: linkUp || down < 0 ? null : down,
  };
}

/** Bytes the replica lacks: offsets only grow, and a replica's acknowledgement can pass a stale reading. */
export const lagBytes = (masterOffset: number, replicaOffset: number) => Math.max(0, masterOffset - replicaOffset);

/**
 * A replica's lag: against its master's own offset when the master could be asked, or else the bytes
 * it has received but not yet applied; in seconds, none when nothing is missing, else the time since
 * the master was last heard from (or since the link went down).
 */
export function replicaLag(
  info: Extract<ReplicationInfo, { role: "replica" }>,
  masterOffset: number | null,
): { lagBytes: number; lagSeconds: number } {
  const bytes = lagBytes(masterOffset ?? info.readOffset, info.offset);
  const seconds = info.linkUp ? (bytes === 0 ? 0 : (info.lastIoSeconds ?? 0)) : (info.downSeconds ?? 0);
  return { lagBytes: bytes, lagSeconds: seconds };
}
