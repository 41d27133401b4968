// An action as the API gives it (DESIGN.md, "Action API"): its status and each step's. One shape for
// one action and for the history's list.
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { apiType } from "./names.ts";
import { readGuards } from "../guards/stored.ts";

export const ACTION_SELECT = {
  id: true,
  type: true,
  targetNode: true,
  status: true,
  reason: true,
  outcome: true,
  automatic: true,
  requiresApproval: true,
  expectedPrimary: true,
  guards: true,
  overrides: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  cluster: { select: { name: true } },
  requestedBy: { select: { email: true } },
  approvedBy: { select: { email: true } },
  steps: {
    orderBy: { seq: "asc" },
    select: { name: true, status: true, startedAt: true, finishedAt: true, detail: true },
  },
} satisfies Prisma.ActionSelect;

type ActionRow = Prisma.ActionGetPayload<{ select: typeof ACTION_SELECT }>;

export function toActionDocument(action: ActionRow) {
  return {
    id: action.id,
    type: apiType(action.type),
    cluster: action.cluster.name,
    target: action.targetNode,
    status: action.status,
    steps: action.steps,
    reason: action.reason,
    outcome: action.outcome,
    automatic: action.automatic,
    requestedBy: action.automatic ? "system" : (action.requestedBy?.email ?? null),
    awaitingApproval: action.requiresApproval && action.approvedBy === null && action.status === "PENDING",
    approvedBy: action.approvedBy?.email ?? null,
    expectedPrimary: action.expectedPrimary,
    guards: readGuards(action.guards),
    overrides: action.overrides,
    createdAt: action.createdAt,
    startedAt: action.startedAt,
    finishedAt: action.finishedAt,
  };
}

export async function actionDocument(db: Db, id: string) {
  const action = await db.action.findUnique({ where: { id }, select: ACTION_SELECT });
  return action ? toActionDocument(action) : null;
}

export type ActionDocument = ReturnType<typeof toActionDocument>;
