// Audit rows as the audit page shows them: the action or drill an entry is about, by name (its id is
// in the entry's details), and the cluster and nodes its target names, as links.
import type { Ref } from "../../lib/links.ts";
import type { Db } from "../db/client.ts";
import { actionIdOf } from "../history/event-refs.ts";
import { actionRefs, clusterRefs, drillRefs } from "../history/refs.ts";
import type { AuditRow } from "./list.ts";

const drillIdOf = (details: unknown) => {
  const drill = (details as { drill?: unknown } | null)?.drill;
  return typeof drill === "string" ? drill : null;
};

/** The cluster a target names: "orders-db", "orders-db/orders-db-2", "node.down on orders-db/orders-db-1". */
export const targetCluster = (target: string) => target.replace(/^.* on /, "").split("/")[0] ?? "";

export async function linkAuditRows(db: Db, rows: AuditRow[]) {
  const [actions, drills, clusters] = await Promise.all([
    actionRefs(
      db,
      rows.map((r) => actionIdOf(r.details)),
    ),
    drillRefs(
      db,
      rows.map((r) => drillIdOf(r.details)),
    ),
    clusterRefs(
      db,
      rows.map((r) => targetCluster(r.target)),
    ),
  ]);
  return rows.map((row) => {
    const subjectId = actionIdOf(row.details) ?? drillIdOf(row.details);
    const subject: Ref | null = actions.get(subjectId ?? "") ?? drills.get(subjectId ?? "") ?? null;
    // "requested cmx65…" reads "requested set-weight of checkout-1 (checkout-api)": named, not numbered.
    const outcome = subject && subjectId ? row.outcome.replaceAll(subjectId, subject.label) : row.outcome;
    return { ...row, outcome, subject, targetRefs: clusters.get(targetCluster(row.target)) ?? [] };
  });
}
