// The plan a cluster page shows, as its URL keeps it (?plan=failover&node=orders-db-2): a problem
// line's next step links here, from the overview too, and the link opens that plan.
import { ACTION_TYPES, ACTIONS_FOR_MODE, type ActionType } from "@/lib/actions";
import type { Mode } from "@/lib/modes";

export interface AskedPlan {
  type: ActionType;
  target: string;
  weight?: number;
}

const KEYS = ["plan", "node", "weight"] as const;

/** The plan the URL asks for, if it names an action of this mode; anything else is ignored. */
export function askedPlan(params: URLSearchParams, mode: Mode): AskedPlan | null {
  const type = ACTION_TYPES.find((known) => known === params.get("plan"));
  if (!type || !ACTIONS_FOR_MODE[mode].includes(type)) return null;
  const target = params.get("node")?.slice(0, 200) ?? "";
  const weight = Number(params.get("weight"));
  return type === "set-weight" && params.has("weight") && Number.isInteger(weight)
    ? { type, target, weight }
    : { type, target };
}

/** The query of a link to a plan, or of the page once it closes; other parameters stay as they were. */
export function planSearch(current: string, plan: AskedPlan | null): string {
  const params = new URLSearchParams(current);
  for (const key of KEYS) params.delete(key);
  if (plan) {
    params.set("plan", plan.type);
    params.set("node", plan.target);
    if (plan.weight !== undefined) params.set("weight", String(plan.weight));
  }
  return params.size ? `?${params}` : "";
}

export const planHref = (cluster: string, plan: AskedPlan) =>
  `/clusters/${encodeURIComponent(cluster)}${planSearch("", plan)}`;

/** Shows (or, with null, forgets) a plan on the page already open, shallowly: its data and scroll stay. */
export const showPlan = (plan: AskedPlan | null) =>
  window.history.replaceState(null, "", `${window.location.pathname}${planSearch(window.location.search, plan)}`);
