// Stores one batch in one transaction, each kind of row as a single statement over a JSON
// recordset: a thousand samples cost one round trip, not a thousand inserts.
import type { SampleRow } from "../detection/sample.ts";
import type { Batch } from "./write-buffer.ts";

export type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** Runs statements in one transaction: on the leader, one fenced by its lease (control/fence.ts). */
export type Transaction = <T>(work: (query: Query) => Promise<T>) => Promise<T>;

// The sample columns by name, not `SELECT *`, so a column added to the table cannot shift them: each
// field of SampleRow once (the compiler refuses a missing or an unknown one).
const SAMPLE_FIELDS: Record<keyof SampleRow, true> = {
  nodeId: true,
  at: true,
  reachable: true,
  healthy: true,
  role: true,
  state: true,
  pollLatencyMs: true,
  lagBytes: true,
  lagSeconds: true,
  weight: true,
  activeConnections: true,
  requestsPerSec: true,
  errorRate: true,
  failedChecks: true,
};
const SAMPLE_COLUMNS = Object.keys(SAMPLE_FIELDS)
  .map((field) => `"${field}"`)
  .join(", ");

/** One statement per kind of row, in the order a batch is written; `$1` is the rows as JSON. */
export const WRITES: { kind: keyof Batch; sql: string }[] = [
  {
    kind: "samples",
    sql: `INSERT INTO sample (${SAMPLE_COLUMNS}) SELECT ${SAMPLE_COLUMNS}
         FROM json_populate_recordset(NULL::sample, $1::json) ON CONFLICT ("nodeId", at) DO NOTHING`,
  },
  {
    kind: "nodes",
    sql: `UPDATE node n SET role = CASE WHEN n."needsRejoin" OR u."needsRejoin" THEN n.role ELSE u.role END,
           "reportedRole" = u."reportedRole", state = u.state, "consecutiveFailures" = u."consecutiveFailures",
           "confirmedDown" = u."confirmedDown", isolated = u.isolated, "lagOver" = u."lagOver", degraded = u.degraded,
           "stateChangedAt" = u."stateChangedAt", "lastSeenAt" = COALESCE(u."lastSeenAt", n."lastSeenAt"),
           "lastStatus" = COALESCE(u."lastStatus", n."lastStatus"), weight = COALESCE(u.weight, n.weight),
           "trafficState" = COALESCE(u."trafficState", n."trafficState"),
           "replicationMode" = COALESCE(u."replicationMode", n."replicationMode"),
           "upstreamName" = CASE WHEN u.role = 'STANDBY'
             THEN COALESCE(u."upstreamName", n."upstreamName") ELSE NULL END,
           "updatedAt" = now()
         FROM json_populate_recordset(NULL::node, $1::json) u WHERE n.id = u.id`,
  },
  {
    kind: "clusters",
    sql: `UPDATE cluster c SET "splitBrain" = u."splitBrain", imbalanced = u.imbalanced, "updatedAt" = now()
         FROM json_populate_recordset(NULL::cluster, $1::json) u WHERE c.id = u.id`,
  },
  {
    kind: "events",
    sql: `INSERT INTO event (at, type, severity, summary, details, "clusterId", "nodeId")
         SELECT at, type, severity, summary, details, "clusterId", "nodeId"
         FROM json_populate_recordset(NULL::event, $1::json) ORDER BY at`,
  },
];

export const json = (rows: unknown[]) => JSON.stringify(rows);

export async function flushBatch(transaction: Transaction, batch: Batch): Promise<void> {
  await transaction(async (query) => {
    for (const { kind, sql } of WRITES) if (batch[kind].length) await query(sql, [json(batch[kind])]);
  });
}
