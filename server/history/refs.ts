// The things history names — actions, drills, clusters and their nodes — as links with their names,
// loaded in one query per kind for a whole page of rows.
import { actionHref, clusterRef, drillHref, nodeRef, type Ref } from "../../lib/links.ts";
import { actionLabel, apiType } from "../actions/names.ts";
import type { Db } from "../db/client.ts";
import { apiScenario } from "../drills/scenario-names.ts";

const unique = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => !!id))];

/** Each action by id, named as people say it ("failover of orders-db to orders-db-2"). */
export async function actionRefs(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, Ref>> {
  const wanted = unique(ids);
  if (!wanted.length) return new Map();
  const rows = await db.action.findMany({
    where: { id: { in: wanted } },
    select: { id: true, type: true, targetNode: true, cluster: { select: { name: true } } },
  });
  return new Map(
    rows.map((a) => [
      a.id,
      { label: actionLabel(apiType(a.type), a.cluster.name, a.targetNode), href: actionHref(a.id) },
    ]),
  );
}

/** Each drill by id, named by its scenario and cluster ("primary-crash drill of orders-db"). */
export async function drillRefs(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, Ref>> {
  const wanted = unique(ids);
  if (!wanted.length) return new Map();
  const rows = await db.drill.findMany({
    where: { id: { in: wanted } },
    select: { id: true, scenario: true, cluster: { select: { name: true } } },
  });
  return new Map(
    rows.map((d) => [d.id, { label: `${apiScenario(d.scenario)} drill of ${d.cluster.name}`, href: drillHref(d.id) }]),
  );
}

/** The clusters among these names, each with links to itself and to every node it has. */
export async function clusterRefs(db: Db, names: (string | null | undefined)[]): Promise<Map<string, Ref[]>> {
  const wanted = unique(names);
  if (!wanted.length) return new Map();
  const rows = await db.cluster.findMany({
    where: { name: { in: wanted } },
    select: { name: true, nodes: { select: { name: true }, orderBy: { name: "asc" } } },
  });
  return new Map(rows.map((c) => [c.name, [clusterRef(c.name), ...c.nodes.map((n) => nodeRef(c.name, n.name))]]));
}
