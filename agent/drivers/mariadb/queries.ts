// What the driver asks the server: read_only, its replica status, GTID positions, semi-synchronous
// replication's settings and state, the replicas registered with it, and its binlog position.
import type { MariadbConfig } from "./config.ts";
import { parseReplicaStatus, type ReplicaStatus } from "./replica-status.ts";
import { type Row, type Session, scalar } from "./session.ts";

export interface SemiSync {
  /** Primary side: enabled, active now (it falls back to async after a timeout), the wait point, clients. */
  primaryEnabled: boolean;
  primaryActive: boolean;
  afterSync: boolean;
  clients: number;
  /** Replica side: this server acknowledges its upstream's transactions. */
  replicaActive: boolean;
}

export interface Observed {
  mariadb: boolean;
  serverId: number;
  readOnly: boolean;
  replica: ReplicaStatus | null;
  /** MariaDB's gtid_binlog_pos, gtid_slave_pos, gtid_current_pos, gtid_binlog_state; empty on MySQL. */
  gtid: { binlogPos: string; slavePos: string; currentPos: string; binlogState: string };
  semiSync: SemiSync;
  replicas: { serverId: number; host: string; port: number }[];
  binlog: { file: string; position: number } | null;
}

/** SHOW VARIABLES / SHOW STATUS as a map; MySQL 8 says source/replica where MariaDB says master/slave. */
async function settings(session: Session, sql: string): Promise<Map<string, string>> {
  const rows = await session.rows(sql);
  return new Map(
    rows.map((r) => [
      String(r.Variable_name).toLowerCase().replace("_source_", "_master_").replace("_replica_", "_slave_"),
      String(r.Value),
    ]),
  );
}

const on = (value: string | undefined) => value === "ON" || value === "1";

export async function observe(session: Session): Promise<Observed> {
  const [base] = await session.rows("SELECT VERSION() AS version, @@server_id AS id, @@read_only AS ro");
  const mariadb = /mariadb/i.test(String(base?.version));
  const [replicaRows, variables, status, hosts, master, gtid] = await Promise.all([
    session.rows("SHOW REPLICA STATUS"),
    settings(session, "SHOW GLOBAL VARIABLES LIKE 'rpl_semi_sync%'"),
    settings(session, "SHOW GLOBAL STATUS LIKE 'Rpl_semi_sync%'"),
    session.rows("SHOW SLAVE HOSTS"),
    session.rows("SHOW MASTER STATUS"),
    mariadb
      ? session.rows(
          `SELECT @@gtid_binlog_pos AS binlogPos, @@gtid_slave_pos AS slavePos,
                  @@gtid_current_pos AS currentPos, @@gtid_binlog_state AS binlogState`,
        )
      : Promise.resolve([] as Row[]),
  ]);
  const replicaRow = replicaRows[0];
  const g = gtid[0] ?? {};
  return {
    mariadb,
    serverId: Number(base?.id),
    readOnly: Number(base?.ro) === 1,
    replica: replicaRow ? parseReplicaStatus(replicaRow) : null,
    gtid: {
      binlogPos: String(g.binlogPos ?? ""),
      slavePos: String(g.slavePos ?? ""),
      currentPos: String(g.currentPos ?? ""),
      binlogState: String(g.binlogState ?? ""),
    },
    semiSync: {
      primaryEnabled: on(variables.get("rpl_semi_sync_master_enabled")),
      primaryActive: on(status.get("rpl_semi_sync_master_status")),
      afterSync: variables.get("rpl_semi_sync_master_wait_point") === "AFTER_SYNC",
      clients: Number(status.get("rpl_semi_sync_master_clients") ?? 0),
      replicaActive: on(status.get("rpl_semi_sync_slave_status")),
    },
    replicas: hosts.map((h) => ({
      serverId: Number(h.Server_id ?? h.Server_Id),
      host: String(h.Host ?? ""),
      port: Number(h.Port),
    })),
    binlog: master[0] ? { file: String(master[0].File), position: Number(master[0].Position) } : null,
  };
}

/** Seconds since the newest stamp in the heartbeat table, by this server's clock. */
export async function heartbeatLag(session: Session, heartbeat: NonNullable<MariadbConfig["heartbeat"]>) {
  const lag = await scalar(
    session,
    `SELECT TIMESTAMPDIFF(MICROSECOND, MAX(${heartbeat.column}), UTC_TIMESTAMP(6)) / 1000000 FROM ${heartbeat.table}`,
  );
  return lag === null || lag === undefined ? null : Math.max(0, Number(lag));
}

/** The primary's stamp, replicated to every replica like any write. */
export async function writeHeartbeat(session: Session, heartbeat: NonNullable<MariadbConfig["heartbeat"]>) {
  await session.run(
    // The same statement checks read_only: a fence (which waits for running writes) cannot slip in between.
    `INSERT INTO ${heartbeat.table} (server_id, ${heartbeat.column})
       SELECT @@server_id, UTC_TIMESTAMP(6) FROM DUAL WHERE @@global.read_only = 0
     ON DUPLICATE KEY UPDATE ${heartbeat.column} = VALUES(${heartbeat.column})`,
  );
}
