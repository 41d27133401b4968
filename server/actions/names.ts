// Action types between the API's names and the store's enum.
import type { ActionType as StoredType } from "../db/generated/enums.ts";
import type { ActionType } from "../../lib/actions.ts";

export const storedType = (type: ActionType): StoredType => type.toUpperCase().replace("-", "_") as StoredType;
export const apiType = (type: StoredType): ActionType => type.toLowerCase().replace("_", "-") as ActionType;

/**
 * An action in words: a failover or switchover moves the cluster to its target ("failover of
 * orders-db to orders-db-2"); any other acts on its node ("drain of checkout-2 (checkout-api)").
 */
export function actionLabel(type: ActionType, cluster: string, node: string | null): string {
  if (!node) return `${type} of ${cluster}`;
  return type === "failover" || type === "switchover"
    ? `${type} of ${cluster} to ${node}`
    : `${type} of ${node} (${cluster})`;
}
