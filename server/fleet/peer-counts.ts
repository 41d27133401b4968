// What the peers said of each down node when it went down: the figures of its last down event.
import type { Db } from "../db/client.ts";

export type PeerCounts = { unreachableBy: number; reachableBy: number; of: number };

const DOWN_EVENTS = ["node.down", "node.isolated", "node.confirmed_down"];

export async function peerCounts(db: Db, nodeIds: string[]): Promise<Map<string, PeerCounts>> {
  if (nodeIds.length === 0) return new Map();
  const events = await db.event.findMany({
    where: { nodeId: { in: nodeIds }, type: { in: DOWN_EVENTS } },
    orderBy: { at: "desc" },
    take: nodeIds.length * 5,
    select: { nodeId: true, details: true },
  });
  const counts = new Map<string, PeerCounts>();
  for (const event of events) {
    if (!event.nodeId || counts.has(event.nodeId)) continue;
    const details = event.details as { unreachableBy?: number; reachableBy?: number; peers?: number };
    if (typeof details.peers === "number") {
      counts.set(event.nodeId, {
        unreachableBy: details.unreachableBy ?? 0,
        reachableBy: details.reachableBy ?? 0,
        of: details.peers,
      });
    }
  }
  return counts;
}
