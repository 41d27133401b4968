// The history of actions, newest first, filtered by cluster, type and status; paged by the id of
// the last action of the page before (an id, not a time: two actions requested in the same
// millisecond are neither skipped nor shown twice).
import { z } from "zod";
import { ACTION_STATUSES, ACTION_TYPES } from "../../lib/actions.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { idText, nameText } from "../security/safe-input.ts";
import { ActionError } from "./errors.ts";
import { storedType } from "./names.ts";
import { ACTION_SELECT, toActionDocument } from "./read.ts";

// A query string's `type=` says "any type", as leaving it out does.
const blankAsAbsent = (value: unknown) => (value === "" ? undefined : value);

export const actionListQuerySchema = z.object({
  cluster: z.preprocess(blankAsAbsent, nameText.optional()),
  type: z.preprocess(blankAsAbsent, z.enum(ACTION_TYPES, `type must be one of ${ACTION_TYPES.join(", ")}`).optional()),
  status: z.preprocess(
    blankAsAbsent,
    z.enum(ACTION_STATUSES, `status must be one of ${ACTION_STATUSES.join(", ")}`).optional(),
  ),
  limit: z.preprocess(
    blankAsAbsent,
    z.coerce
      .number("limit must be a whole number from 1 to 200")
      .int("limit must be a whole number from 1 to 200")
      .min(1, "limit must be at least 1")
      .max(200, "limit must be at most 200")
      .default(50),
  ),
  before: z.preprocess(blankAsAbsent, idText.optional()),
});

export type ActionListQuery = z.infer<typeof actionListQuerySchema>;

async function olderThan(db: Db, before: string | undefined): Promise<Prisma.ActionWhereInput> {
  if (!before) return {};
  const cursor = await db.action.findUnique({ where: { id: before }, select: { id: true, createdAt: true } });
  if (!cursor) {
    const message = `before: there is no action ${before}; give the id of the last action of the page before.`;
    throw new ActionError("BAD_REQUEST", message, { field: "before" });
  }
  return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
}

/** A page of actions in the shape of GET /api/v1/actions/{id}, and the cursor of the next page. */
export async function listActions(db: Db, query: ActionListQuery) {
  const where: Prisma.ActionWhereInput = {
    ...(query.cluster ? { cluster: { name: query.cluster } } : {}),
    ...(query.type ? { type: storedType(query.type) } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(await olderThan(db, query.before)),
  };
  const rows = await db.action.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: ACTION_SELECT,
  });
  const page = rows.slice(0, query.limit);
  return { actions: page.map(toActionDocument), next: rows.length > query.limit ? page.at(-1)!.id : null };
}

export type ActionPage = Awaited<ReturnType<typeof listActions>>;
