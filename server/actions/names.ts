// Action types between the API's names and the store's enum.
import type { ActionType as StoredType } from "../db/generated/enums.ts";
import type { ActionType } from "../../lib/actions.ts";

export const storedType = (type: ActionType): StoredType => type.toUpperCase().replace("-", "_") as StoredType;
export const apiType = (type: StoredType): ActionType => type.toLowerCase().replace("_", "-") as ActionType;
