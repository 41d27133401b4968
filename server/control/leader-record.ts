// Which instance leads, kept in a setting row so every instance (and the UI) can tell.
import type { Query } from "../ingest/flush.ts";

export const LEADER_KEY = "controlLeader";

export interface LeaderCounters {
  droppedSamples: number;
  droppedEvents: number;
  /** Rows the database refused and the leader set aside, per node (or cluster) name. */
  rejectedRows: Record<string, number>;
}

export async function publishLeader(query: Query, instanceId: string, counters: LeaderCounters) {
  const value = JSON.stringify({ instanceId, pid: process.pid, heartbeatAt: new Date().toISOString(), ...counters });
  await query(
    `INSERT INTO setting (key, value, "updatedAt") VALUES ($1, $2::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, "updatedAt" = now()`,
    [LEADER_KEY, value],
  );
}
