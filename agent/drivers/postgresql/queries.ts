// What the driver asks PostgreSQL: its role, and replication as a primary sees it (per standby)
// or as a standby sees it (received and replayed WAL, replay delay, timeline).
import type pg from "pg";

export interface StandbyView {
  name: string;
  state: string;
  syncState: string;
  lagBytes: number;
  writeLagMs: number | null;
  flushLagMs: number | null;
  replayLagMs: number | null;
}

export interface Observed {
  inRecovery: boolean;
  readOnly: boolean;
  timeline: number;
  standbys: StandbyView[];
  receive: { lagBytes: number; lagSeconds: number; upstream: string | null } | null;
}

const ms = (interval: string | null) => (interval === null ? null : Math.round(Number(interval) * 1000));

export async function observe(client: pg.Client): Promise<Observed> {
  const base = await client.query<{ recovery: boolean; read_only: string; timeline: number }>(
    `SELECT pg_is_in_recovery() AS recovery, current_setting('default_transaction_read_only') AS read_only,
            (SELECT timeline_id FROM pg_control_checkpoint()) AS timeline`,
  );
  const { recovery, read_only, timeline } = base.rows[0]!;
  if (!recovery) {
    const standbys = await client.query<{
      name: string;
      state: string;
      sync_state: string;
      lag_bytes: string | null;
      write_s: string | null;
      flush_s: string | null;
      replay_s: string | null;
    }>(
      `SELECT application_name AS name, state, sync_state,
              pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint AS lag_bytes,
              extract(epoch FROM write_lag) AS write_s, extract(epoch FROM flush_lag) AS flush_s,
              extract(epoch FROM replay_lag) AS replay_s
         FROM pg_stat_replication`,
    );
    return {
      inRecovery: false,
      readOnly: read_only === "on",
      timeline,
      receive: null,
      standbys: standbys.rows.map((r) => ({
        name: r.name,
        state: r.state,
        syncState: r.sync_state,
        lagBytes: Number(r.lag_bytes ?? 0),
        writeLagMs: ms(r.write_s),
        flushLagMs: ms(r.flush_s),
        replayLagMs: ms(r.replay_s),
      })),
    };
  }
  const standby = await client.query<{
    lag_bytes: string | null;
    lag_s: string | null;
    host: string | null;
    port: number | null;
    received_tli: number | null;
  }>(
    `SELECT pg_wal_lsn_diff(COALESCE(r.latest_end_lsn, pg_last_wal_receive_lsn()), pg_last_wal_replay_lsn())::bigint
              AS lag_bytes,
            CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                 ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END AS lag_s,
            r.sender_host AS host, r.sender_port AS port, r.received_tli
       FROM (SELECT 1) one LEFT JOIN pg_stat_wal_receiver r ON true`,
  );
  const row = standby.rows[0]!;
  return {
    inRecovery: true,
    readOnly: true,
    timeline: row.received_tli ?? timeline,
    standbys: [],
    receive: {
      lagBytes: Math.max(0, Number(row.lag_bytes ?? 0)),
      lagSeconds: Math.max(0, Number(row.lag_s ?? 0)),
      upstream: row.host && row.port ? `${row.host}:${row.port}` : null,
    },
  };
}
