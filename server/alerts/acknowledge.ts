// An operator acknowledges an alert, with an optional note: its reminders stop until the condition
// resolves (server/alerts/reminders.ts). Audited as `alert.ack`; acknowledging it again changes nothing.
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import { ALERT_SELECT, type AlertView, alertView } from "./alert-list.ts";
import { clustersWithPrimaryDown } from "./held-back.ts";

interface Actor {
  id: string | null;
  email: string;
}

/** The alert as it stands after the acknowledgement, or null when there is no such alert. */
export async function acknowledgeAlert(
  db: Db,
  actor: Actor,
  id: string,
  note: string | null,
): Promise<AlertView | null> {
  const row = await db.$transaction(async (tx) => {
    const taken = await tx.alert.updateMany({
      where: { id, acknowledgedAt: null },
      data: { acknowledgedAt: new Date(), acknowledgedById: actor.id, acknowledgedBy: actor.email, note },
    });
    const alert = await tx.alert.findUnique({ where: { id }, select: ALERT_SELECT });
    if (alert && taken.count > 0) {
      const where = alert.node ? `${alert.cluster.name}/${alert.node.name}` : alert.cluster.name;
      await appendAudit(tx, {
        actorId: actor.id,
        actor: actor.email,
        action: "alert.ack",
        target: `${alert.type} on ${where}`,
        reason: note,
        outcome: "acknowledged",
        details: { alertId: id },
      });
    }
    return alert;
  });
  return row && alertView(row, await clustersWithPrimaryDown(db));
}
