// A second operator's approval of an action that may lose data, where the cluster asks for one.
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import { ActionError } from "./errors.ts";
import type { Actor } from "./request.ts";

export async function approveAction(db: Db, actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const action = await tx.action.findUnique({
      where: { id },
      select: {
        status: true,
        requiresApproval: true,
        approvedById: true,
        requestedById: true,
        targetNode: true,
        cluster: { select: { name: true } },
      },
    });
    if (!action) throw new ActionError("NOT_FOUND", `No action ${id}.`);
    if (!action.requiresApproval || action.approvedById || action.status !== "PENDING")
      throw new ActionError("CONFLICT", "This action is not waiting for an approval.");
    if (!actor.id || actor.id === action.requestedById)
      throw new ActionError("FORBIDDEN", "A second operator, not the one who asked, must approve it.");
    await tx.action.update({ where: { id }, data: { approvedById: actor.id } });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "action.approve",
      target: `${action.cluster.name}/${action.targetNode ?? "-"}`,
      outcome: "approved",
      details: { action: id },
    });
    return { id, approved: true };
  });
}
