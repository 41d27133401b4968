// The one writer of events through Prisma (the detector's batches are the other, bulk, path:
// ingest/flush.ts). Its `type` comes from the catalog, so a misspelt type fails to compile instead of
// reaching no subscriber; written on the caller's client or transaction, whose commit takes the
// event's webhook deliveries (the outbox trigger) with it.
import type { EventType } from "../../lib/events.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { Severity } from "../db/generated/enums.ts";

/** A client or an interactive transaction: all the writer needs of either. */
export type EventWriter = Pick<Prisma.TransactionClient, "event">;

export interface NewEvent {
  type: EventType;
  severity: Severity;
  summary: string;
  clusterId?: string | null;
  nodeId?: string | null;
  /** Set when a drill's own fault caused the event, so receivers can route it apart. */
  drillId?: string | null;
  details?: Prisma.InputJsonValue;
  at?: Date;
}

export function recordEvent(tx: EventWriter, event: NewEvent) {
  return tx.event.create({ data: event, select: { id: true } });
}
