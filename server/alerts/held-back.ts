// Inhibition, as the page says it: while a cluster's primary is down, its lag alerts are held back
// (the outbox trigger in prisma/sql/alert-trigger.sql sends no lag.over then; this is the same rule).
import type { Db } from "../db/client.ts";

export const HELD_BACK_TYPES: readonly string[] = ["lag.over"];

/** The ids of the clusters whose primary is down now. */
export async function clustersWithPrimaryDown(db: Db): Promise<Set<string>> {
  const down = await db.node.findMany({
    where: { role: "PRIMARY", state: "DOWN" },
    select: { clusterId: true },
    distinct: ["clusterId"],
  });
  return new Set(down.map((n) => n.clusterId));
}
