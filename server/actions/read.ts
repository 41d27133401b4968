// An action as the API gives it (DESIGN.md, "Action API"): its status and each step's.
import type { Db } from "../db/client.ts";
import { apiType } from "./names.ts";
import { readGuards } from "../guards/stored.ts";

export async function actionDocument(db: Db, id: string) {
  const action = await db.action.findUnique({
    where: { id },
    select: {
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
    },
  });
  if (!action) return null;
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

export type ActionDocument = NonNullable<Awaited<ReturnType<typeof actionDocument>>>;
