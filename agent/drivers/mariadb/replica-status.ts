// A replica's own view (SHOW REPLICA STATUS) as figures, for MariaDB's column names and MySQL 8's
// (Source_*/Replica_*): thread states, errors, upstream, lag in seconds and in relay-log bytes; and
// the role a server has from its read_only flag and whether it replicates.

export interface ReplicaStatus {
  /** connecting: the IO thread starts, or retries its upstream (gone, or not yet reached). */
  io: "running" | "connecting" | "stopped";
  sqlRunning: boolean;
  ioError: string;
  sqlError: string;
  host: string;
  port: number;
  secondsBehind: number | null;
  /** Received but not yet applied, within one binlog file of the upstream; null across files. */
  lagBytes: number | null;
  /** Where the SQL thread has got to in the upstream's binlog. */
  executed: { file: string; position: number } | null;
  /** MariaDB: the last GTID received (Gtid_IO_Pos); null on MySQL (its GTIDs are UUID sets). */
  receivedGtid: string | null;
}

type Row = Record<string, unknown>;

/** The first of the names the row has: MariaDB's, then MySQL 8's. */
function field(row: Row, ...names: string[]): unknown {
  for (const name of names) if (row[name] !== undefined) return row[name];
  return undefined;
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

function number(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function parseReplicaStatus(row: Row): ReplicaStatus {
  const io = text(field(row, "Slave_IO_Running", "Replica_IO_Running"));
  const readFile = text(field(row, "Master_Log_File", "Source_Log_File"));
  const execFile = text(field(row, "Relay_Master_Log_File", "Relay_Source_Log_File"));
  const read = number(field(row, "Read_Master_Log_Pos", "Read_Source_Log_Pos"));
  const exec = number(field(row, "Exec_Master_Log_Pos", "Exec_Source_Log_Pos"));
  return {
    io: io === "Yes" ? "running" : io === "Connecting" || io === "Preparing" ? "connecting" : "stopped",
    sqlRunning: text(field(row, "Slave_SQL_Running", "Replica_SQL_Running")) === "Yes",
    ioError: text(row.Last_IO_Error),
    sqlError: text(row.Last_SQL_Error),
    host: text(field(row, "Master_Host", "Source_Host")),
    port: number(field(row, "Master_Port", "Source_Port")) ?? 0,
    secondsBehind: number(field(row, "Seconds_Behind_Master", "Seconds_Behind_Source")),
    lagBytes: readFile && readFile === execFile && read !== null && exec !== null ? Math.max(0, read - exec) : null,
    executed: execFile && exec !== null ? { file: execFile, position: exec } : null,
    receivedGtid: text(row.Gtid_IO_Pos) || null,
  };
}

/**
 * A server that replicates is a standby; one with no replica configuration, or with both threads
 * stopped and writes allowed (stopped by hand before a promotion finished), is a primary.
 */
export function roleOf(readOnly: boolean, replica: ReplicaStatus | null): "primary" | "standby" {
  if (!replica) return "primary";
  if (replica.io === "stopped" && !replica.sqlRunning && !readOnly) return "primary";
  return "standby";
}

/**
 * Whether the replica serves: its SQL thread applies, and its IO thread runs or retries. A retrying
 * IO thread is what a replica of a lost primary shows: failing it would block the very failover
 * that it is the target of; an IO thread that stopped on an error (a purged or errant GTID) fails.
 */
export function replicaProblem(replica: ReplicaStatus): string | null {
  const problems: string[] = [];
  if (replica.io === "stopped") problems.push(`IO thread stopped${replica.ioError ? `: ${replica.ioError}` : ""}`);
  if (!replica.sqlRunning) problems.push(`SQL thread stopped${replica.sqlError ? `: ${replica.sqlError}` : ""}`);
  return problems.length ? problems.join("; ") : null;
}
