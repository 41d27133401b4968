// Which instance leads, kept in a setting row so every instance (and the UI) can tell.
import type { Query } from "../ingest/flush.ts";

export const LEADER_KEY = "controlLeader";

export async function publishLeader(query: Query, instanceId: string, counters: { droppedSamples: number; droppedEvents: number }) {
  const value = JSON.stringify({ instanceId, pid: process.pid, heartbeatAt: new Date().toISOString(), ...counters });
  await query(
    `INSERT INTO setting (key, value, "updatedAt") VALUES ($1, $2::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, "updatedAt" = now()`,
    [LEADER_KEY, value],
  );
}
