// Events with the links their words name: the action an action event is about (its id is in the
// event's details, never in its words) and the cluster's nodes.
import type { Ref } from "../../lib/links.ts";
import type { Db } from "../db/client.ts";
import { actionRefs, clusterRefs } from "./refs.ts";

/** The action id an event carries in its details, if any (action events, guard overrides). */
export function actionIdOf(details: unknown): string | null {
  const action = (details as { action?: unknown } | null)?.action;
  return typeof action === "string" ? action : null;
}

export async function withEventRefs<E extends { details: unknown }>(
  db: Db,
  cluster: string,
  events: E[],
): Promise<(Omit<E, "details"> & { refs: Ref[] })[]> {
  const [actions, clusters] = await Promise.all([
    actionRefs(
      db,
      events.map((e) => actionIdOf(e.details)),
    ),
    clusterRefs(db, [cluster]),
  ]);
  const named = clusters.get(cluster) ?? [];
  return events.map(({ details, ...event }) => {
    const action = actions.get(actionIdOf(details) ?? "");
    return { ...event, refs: action ? [action, ...named] : named };
  });
}
