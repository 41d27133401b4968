// One term of leadership (one epoch) and what the leader's work runs with in it: a client whose
// writes commit only within the term, its epoch (for agents, which refuse older ones), and a local
// verdict on whether it still leads, so paused work stops without asking the database.
import type pg from "pg";
import type { Db } from "../db/client.ts";
import type { Transaction } from "../ingest/flush.ts";
import { fencedTransaction, type Fence } from "./fence.ts";
import { fencedDb } from "./fenced-db.ts";
import type { LeaderLease } from "./lease.ts";

/** What actions, drills and alerts need of the leader. */
export interface LeaderScope {
  epoch: number;
  isLeader(): boolean;
  /** Every write through it commits only within this term (LostLeadership otherwise). */
  db: Db;
}

export interface LeaderTerm extends LeaderScope {
  /** Raw statements in one transaction that commits only within this term. */
  transaction: Transaction;
}

export function leaderTerm(lease: LeaderLease, pool: pg.Pool, db: Db, epoch: number): LeaderTerm {
  const fence: Fence = { holder: lease.holder, epoch, isLeader: () => lease.holds(epoch) };
  return {
    epoch,
    isLeader: fence.isLeader,
    db: fencedDb(db, fence),
    transaction: (work) => fencedTransaction(pool, fence, work),
  };
}
