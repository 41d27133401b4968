// What an operator does to a running drill: advance the next phase (click-through) or abort it.
// Both are audited; the runner, on the leader, does the work.
import { ActionError } from "../actions/errors.ts";
import type { Actor } from "../actions/request.ts";
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import type { PhaseName } from "../../lib/drills.ts";

async function runningDrill(db: Db, id: string) {
  const drill = await db.drill.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      unattended: true,
      abortRequestedAt: true,
      cluster: { select: { name: true } },
      phases: { orderBy: { seq: "asc" }, select: { id: true, name: true, status: true } },
    },
  });
  if (!drill) throw new ActionError("NOT_FOUND", `No drill ${id}.`);
  if (drill.status !== "RUNNING")
    throw new ActionError("CONFLICT", `Drill ${id} is ${drill.status.toLowerCase()}, no longer running.`);
  return drill;
}

export async function advanceDrill(db: Db, actor: Actor, id: string, phase: PhaseName) {
  const drill = await runningDrill(db, id);
  if (drill.unattended)
    throw new ActionError("CONFLICT", "This drill runs unattended: its phases advance by themselves.");
  if (drill.abortRequestedAt)
    throw new ActionError("CONFLICT", "This drill is being aborted: it restores the cluster by itself.");
  const next = drill.phases.find((p) => p.status === "PENDING" || p.status === "RUNNING");
  if (!next || next.status === "RUNNING")
    throw new ActionError("CONFLICT", next ? `Wait for ${next.name} to finish.` : "No phase left to run.");
  if (next.name !== phase) throw new ActionError("CONFLICT", `The next phase is ${next.name}, not ${phase}.`);
  await db.$transaction(async (tx) => {
    const claimed = await tx.drillPhase.updateMany({
      where: { id: next.id, status: "PENDING" },
      data: { status: "RUNNING", startedAt: new Date() },
    });
    if (claimed.count === 0) throw new ActionError("CONFLICT", `${phase} has already started.`);
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "drill.advance",
      target: drill.cluster.name,
      outcome: phase,
      details: { drill: id },
    });
  });
  return { id, phase };
}

export async function abortDrill(db: Db, actor: Actor, id: string, reason: string) {
  const drill = await runningDrill(db, id);
  if (drill.abortRequestedAt) return { id, aborting: true };
  await db.$transaction(async (tx) => {
    await tx.drill.updateMany({
      where: { id, abortRequestedAt: null },
      data: { abortRequestedAt: new Date(), abortReason: `${actor.email}: ${reason}` },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "drill.abort",
      target: drill.cluster.name,
      reason,
      outcome: "aborting",
      details: { drill: id },
    });
  });
  return { id, aborting: true };
}
