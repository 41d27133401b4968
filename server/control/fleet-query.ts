// Reads the fleet for the control loop: every cluster's detection settings and every node's last
// stored state, with the token the console presents to each agent; and push-only nodes' reports.
import type { ClusterMode, NodeRole, NodeState } from "../db/generated/enums.ts";
import { statusSchema } from "../../agent/protocol.ts";
import type { FleetCluster, FleetNode, PollResult } from "../detection/fleet.ts";
import type { Query } from "../ingest/flush.ts";

export type TokenFor = (nodeId: string, createdAt: Date) => string;

const at = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)));
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8 AS "${column.replace(/"/g, "")}"`;

export async function loadFleet(query: Query, tokenFor: TokenFor): Promise<FleetCluster[]> {
  const clusters = await query(
    `SELECT id, name, mode, "intervalMs", "timeoutMs", "failureThreshold", "rpoBudgetBytes"::float8 AS "rpoBudgetBytes",
       "rpoBudgetSeconds", "lagAlertBytes"::float8 AS "lagAlertBytes", "lagAlertSeconds", "imbalanceAlertPercent",
       "splitBrain", imbalanced
     FROM cluster ORDER BY name`,
  );
  const nodes = await query(
    `SELECT id, "clusterId", name, "agentUrl", role, "reportedRole", "needsRejoin", state, "consecutiveFailures",
       "confirmedDown", isolated, "lagOver", degraded,
       ${ms('"agentTokenCreatedAt"')}, ${ms('"stateChangedAt"')}, ${ms('"lastSeenAt"')}, ${ms('"lastPushedAt"')}
     FROM node ORDER BY name`,
  );
  const byCluster = new Map<string, FleetNode[]>();
  for (const row of nodes.rows) {
    const created = at(row.agentTokenCreatedAt);
    const node: FleetNode = {
      id: String(row.id),
      name: String(row.name),
      agentUrl: row.agentUrl === null ? null : String(row.agentUrl),
      token: created ? tokenFor(String(row.id), created) : null,
      role: row.role as NodeRole,
      reportedRole: row.reportedRole as NodeRole,
      needsRejoin: Boolean(row.needsRejoin),
      state: row.state as NodeState,
      failures: Number(row.consecutiveFailures),
      confirmedDown: Boolean(row.confirmedDown),
      isolated: Boolean(row.isolated),
      lagOver: Boolean(row.lagOver),
      degraded: Boolean(row.degraded),
      stateChangedAt: at(row.stateChangedAt),
      lastSeenAt: at(row.lastSeenAt),
      lastPushedAt: at(row.lastPushedAt),
    };
    const list = byCluster.get(String(row.clusterId)) ?? [];
    list.push(node);
    byCluster.set(String(row.clusterId), list);
  }
  return clusters.rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    mode: row.mode as ClusterMode,
    intervalMs: Number(row.intervalMs),
    timeoutMs: Number(row.timeoutMs),
    failureThreshold: Number(row.failureThreshold),
    rpoBudgetBytes: Number(row.rpoBudgetBytes),
    rpoBudgetSeconds: Number(row.rpoBudgetSeconds),
    lagAlertBytes: num(row.lagAlertBytes),
    lagAlertSeconds: num(row.lagAlertSeconds),
    imbalanceAlertPercent: num(row.imbalanceAlertPercent),
    splitBrain: Boolean(row.splitBrain),
    imbalanced: Boolean(row.imbalanced),
    nodes: byCluster.get(String(row.id)) ?? [],
  }));
}

/** A push-only node's poll: its last report, if pushed after `since`; null when the store cannot tell. */
export async function pushedPoll(query: Query, nodeId: string, since: number): Promise<PollResult | null> {
  try {
    const sql = `SELECT "lastStatus" FROM node WHERE id = $1 AND "lastPushedAt" > $2`;
    const result = await query(sql, [nodeId, new Date(since).toISOString()]);
    const parsed = statusSchema.safeParse(result.rows[0]?.lastStatus ?? null);
    if (!parsed.success) return { ok: false, error: "no report pushed in time", latencyMs: null };
    return { ok: true, status: parsed.data, latencyMs: null };
  } catch {
    return null;
  }
}
