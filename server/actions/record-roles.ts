// The console's record follows what it did: once an agent says it promoted or demoted its node,
// the store says so at once, rather than waiting for the next poll to tell (or for a former
// primary that comes back to claim its old role).
import type { Db } from "../db/client.ts";

/** The promoted node is the one primary; any other node the console called primary must rejoin. */
export async function recordPromoted(db: Db, clusterId: string, name: string) {
  await db.$transaction(async (tx) => {
    await tx.node.updateMany({
      where: { clusterId, role: "PRIMARY", name: { not: name } },
      data: { role: "UNKNOWN", needsRejoin: true },
    });
    await tx.node.updateMany({ where: { clusterId, name }, data: { role: "PRIMARY", needsRejoin: false } });
  });
}

/** A demoted node is a standby of its new upstream: no longer a former primary, and read-only by role. */
export async function recordDemoted(db: Db, clusterId: string, name: string) {
  await db.node.updateMany({
    where: { clusterId, name },
    data: { role: "STANDBY", needsRejoin: false, fenced: false },
  });
}
