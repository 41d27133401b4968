// The data a standby would lose if promoted once its primary is gone: what it had not received or
// replayed at the primary's last contact. Read from the samples of that moment, so the figure
// stays fixed while the outage lasts instead of growing with "now − last replay".
import type { Db } from "../db/client.ts";

export interface LossMoment {
  /** The primary that was lost. */
  primary: string;
  /** When the console last heard from it (ms since the epoch). */
  at: number;
}

export interface Lag {
  bytes: number | null;
  seconds: number | null;
}

/** The moment of loss: a primary the console has marked down, as of its last answer; null while one serves. */
export function lossMoment(
  nodes: { name: string; role: string; state: string; lastSeenAt: Date | null }[],
): LossMoment | null {
  const lost = nodes.find((n) => n.role === "PRIMARY" && n.state === "DOWN" && n.lastSeenAt !== null);
  return lost?.lastSeenAt ? { primary: lost.name, at: lost.lastSeenAt.getTime() } : null;
}

/** The larger of the standby's own last word and the primary's last view of it (bytes); seconds as the standby said. */
export function lagAt(own: Lag | undefined, primaryView: number | undefined): Lag | undefined {
  if (!own && primaryView === undefined) return undefined;
  const bytes = Math.max(own?.bytes ?? 0, primaryView ?? 0);
  return { bytes, seconds: own?.seconds ?? null };
}

/**
 * Each standby's lag in its last sample at or before the moment, by node id; one polled in the same
 * round a little after it (the first sample after) when it has none before.
 */
export async function lagInLastSamples(db: Db, nodeIds: string[], at: number): Promise<Map<string, Lag>> {
  if (nodeIds.length === 0) return new Map();
  const moment = new Date(at);
  const rows = await db.$queryRaw<{ nodeId: string; lagBytes: bigint | null; lagSeconds: number | null }[]>`
    SELECT n.id AS "nodeId", s."lagBytes", s."lagSeconds"
      FROM unnest(${nodeIds}::text[]) AS n(id)
      CROSS JOIN LATERAL (
        (SELECT "lagBytes", "lagSeconds", 0 AS after FROM sample
          WHERE "nodeId" = n.id AND reachable AND at <= ${moment} ORDER BY at DESC LIMIT 1)
        UNION ALL
        (SELECT "lagBytes", "lagSeconds", 1 AS after FROM sample
          WHERE "nodeId" = n.id AND reachable AND at > ${moment} ORDER BY at ASC LIMIT 1)
        ORDER BY after LIMIT 1) s`;
  return new Map(
    rows.map((r) => [r.nodeId, { bytes: r.lagBytes === null ? null : Number(r.lagBytes), seconds: r.lagSeconds }]),
  );
}
