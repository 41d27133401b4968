// Which instance leads, in which epoch and until when its lease runs, kept in a setting row so
// every instance (and the UI, and tests) can tell. Written by the leader, fenced like its other writes.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Query } from "../ingest/flush.ts";

export const LEADER_KEY = "controlLeader";

export interface LeaderCounters {
  droppedSamples: number;
  droppedEvents: number;
  /** Rows the database refused and the leader set aside, per node (or cluster) name. */
  rejectedRows: Record<string, number>;
}

const recordSchema = z.object({
  instanceId: z.string(),
  pid: z.number(),
  epoch: z.number(),
  leaseExpiresAt: z.string(),
  heartbeatAt: z.string(),
  droppedSamples: z.number(),
  droppedEvents: z.number(),
  rejectedRows: z.record(z.string(), z.number()).default({}),
});

export type LeaderRecord = z.infer<typeof recordSchema>;

export async function publishLeader(query: Query, instanceId: string, counters: LeaderCounters) {
  const value = JSON.stringify({ instanceId, pid: process.pid, ...counters });
  // Epoch and expiry as the lease row has them, by the database's clock.
  await query(
    `INSERT INTO setting (key, value, "updatedAt")
     SELECT $1, $2::jsonb || jsonb_build_object('epoch', epoch, 'leaseExpiresAt', "expiresAt", 'heartbeatAt', now()),
       now()
     FROM leader_lease WHERE id = 1
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, "updatedAt" = now()`,
    [LEADER_KEY, value],
  );
}

/** The last leader record, or null before any leader wrote one (or when it is not one). */
export async function readLeaderRecord(db: Db): Promise<LeaderRecord | null> {
  const row = await db.setting.findUnique({ where: { key: LEADER_KEY }, select: { value: true } });
  const parsed = recordSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}
