// The global halt: an operator stops every automatic action and every running drill, and blocks
// new drills, until it is lifted. Kept in a setting row shared by every instance; idempotent; every
// request is audited, one that changes nothing too.
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { toJson } from "../db/json.ts";

const KEY = "halt";

export interface HaltState {
  active: boolean;
  since: string | null;
  by: string | null;
  reason: string | null;
}

const OFF: HaltState = { active: false, since: null, by: null, reason: null };

export async function haltState(db: Db | Prisma.TransactionClient): Promise<HaltState> {
  const row = await db.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  return (row?.value as HaltState | undefined) ?? OFF;
}

export async function setHalt(
  db: Db,
  actor: { id: string | null; email: string },
  active: boolean,
  reason: string,
): Promise<HaltState> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ha-console:halt'))`;
    const current = await haltState(tx);
    const action = active ? "halt.on" : "halt.off";
    const audit = { actorId: actor.id, actor: actor.email, action, target: "console", reason };
    // Asking for the state it already is in changes nothing, and is audited as such.
    if (current.active === active) {
      await appendAudit(tx, { ...audit, outcome: "unchanged" });
      return current;
    }
    const next: HaltState = active ? { active, since: new Date().toISOString(), by: actor.email, reason } : OFF;
    await tx.setting.upsert({
      where: { key: KEY },
      create: { key: KEY, value: toJson(next) },
      update: { value: toJson(next) },
    });
    await appendAudit(tx, { ...audit, outcome: active ? "halted" : "lifted" });
    return next;
  });
}
