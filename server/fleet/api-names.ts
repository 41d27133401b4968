// The names the public API uses (DESIGN.md) for the store's enums.
import type { Mode } from "../../lib/modes.ts";
import type { ClusterMode, NodeRole, NodeState } from "../db/generated/enums.ts";

export type ApiRole = "primary" | "standby" | "active" | "unknown";
export type ApiState = NodeState;

export const apiMode = (mode: ClusterMode): Mode => (mode === "ACTIVE_PASSIVE" ? "active-passive" : "active-active");

export const apiRole = (role: NodeRole): ApiRole => role.toLowerCase() as ApiRole;
