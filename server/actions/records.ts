// What the action runner records about an action, inside the caller's transaction: its events
// (which webhooks carry) and its audit entries.
import type { EventType } from "../../lib/events.ts";
import { appendAudit } from "../audit/append.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { Severity } from "../db/generated/enums.ts";
import { recordEvent } from "../events/record.ts";

export type RunningAction = { id: string; clusterId: string; cluster: { name: string }; targetNode: string | null };

type Tx = Prisma.TransactionClient;

type ActionEventType = Extract<EventType, `action.${string}`>;

export const actionEvent = (
  tx: Tx,
  action: RunningAction,
  type: ActionEventType,
  severity: Severity,
  summary: string,
) => recordEvent(tx, { type, severity, summary, clusterId: action.clusterId, details: { action: action.id } });

export const actionAudit = (tx: Tx, action: RunningAction, what: string, outcome: string, details: object = {}) =>
  appendAudit(tx, {
    actorId: null,
    actor: "system",
    action: what,
    target: `${action.cluster.name}/${action.targetNode ?? "-"}`,
    outcome,
    details: { action: action.id, ...details } as Prisma.InputJsonValue,
  });
