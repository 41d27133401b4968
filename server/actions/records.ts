// What the action runner records about an action, inside the caller's transaction: its events
// (which webhooks carry) and its audit entries.
import { appendAudit } from "../audit/append.ts";
import type { Prisma } from "../db/generated/client.ts";

export type RunningAction = { id: string; clusterId: string; cluster: { name: string }; targetNode: string | null };

type Severity = "INFO" | "WARNING" | "CRITICAL";

type Tx = Prisma.TransactionClient;

export const actionEvent = (tx: Tx, action: RunningAction, type: string, severity: Severity, summary: string) =>
  tx.event.create({ data: { type, severity, summary, clusterId: action.clusterId, details: { action: action.id } } });

export const actionAudit = (tx: Tx, action: RunningAction, what: string, outcome: string, details: object = {}) =>
  appendAudit(tx, {
    actorId: null,
    actor: "system",
    action: what,
    target: `${action.cluster.name}/${action.targetNode ?? "-"}`,
    outcome,
    details: { action: action.id, ...details } as Prisma.InputJsonValue,
  });
