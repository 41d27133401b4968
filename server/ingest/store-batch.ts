// Stores a batch even when the database refuses some of its rows. A batch that fails as a whole for
// anything but a lost connection is written again in one transaction, each refused part halved
// inside a savepoint until the refused rows stand alone: they are set aside and counted, the rest
// commits. One bad row must never cost the whole fleet its samples and events.
import { flushBatch, json, WRITES, type Query, type Transaction } from "./flush.ts";
import type { RejectedRows } from "./rejected-rows.ts";
import type { Batch } from "./write-buffer.ts";

export interface StoreDeps {
  /** A lost session (or lost leadership): the caller puts the whole batch back; nothing is set aside for it. */
  isConnectionError: (error: unknown) => boolean;
  rejected: RejectedRows;
}

type Row = Batch[keyof Batch][number];
type Refusal = { kind: keyof Batch; row: Row; reason: string };

/** Whose row it is: the node's for samples, node states and node events; else the cluster's. */
function ownerOf(row: Row): string {
  if ("clusterId" in row) return row.nodeId ?? row.clusterId;
  return "nodeId" in row ? row.nodeId : row.id;
}

export async function storeBatch(transaction: Transaction, batch: Batch, deps: StoreDeps): Promise<void> {
  try {
    return await flushBatch(transaction, batch);
  } catch (error) {
    if (deps.isConnectionError(error)) throw error;
  }
  const refused: Refusal[] = [];
  await transaction(async (query) => {
    for (const { kind, sql } of WRITES) {
      const refuse = (row: Row, reason: string) => refused.push({ kind, row, reason });
      await writeSplitting(query, sql, batch[kind], deps.isConnectionError, refuse);
    }
  });
  // Counted only once committed: a batch put back after a lost connection is tried again whole.
  for (const { kind, row, reason } of refused) deps.rejected.add(ownerOf(row), kind, reason);
}

async function writeSplitting(
  query: Query,
  sql: string,
  rows: Row[],
  isConnectionError: (error: unknown) => boolean,
  refuse: (row: Row, reason: string) => void,
): Promise<void> {
  if (rows.length === 0) return;
  await query("SAVEPOINT part");
  try {
    await query(sql, [json(rows)]);
    await query("RELEASE SAVEPOINT part");
    return;
  } catch (error) {
    if (isConnectionError(error)) throw error;
    await query("ROLLBACK TO SAVEPOINT part");
    await query("RELEASE SAVEPOINT part");
    if (rows.length === 1) return refuse(rows[0]!, error instanceof Error ? error.message : String(error));
  }
  const half = Math.ceil(rows.length / 2);
  await writeSplitting(query, sql, rows.slice(0, half), isConnectionError, refuse);
  await writeSplitting(query, sql, rows.slice(half), isConnectionError, refuse);
}
