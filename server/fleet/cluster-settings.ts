// A cluster's settings and flags as the API and the cluster page give them, and the columns they
// are read from.
import type { ClusterManager, ClusterMode, ClusterSystem, FailoverPolicy } from "../db/generated/enums.ts";
import { detectionBoundMs } from "../detection/bound.ts";
import { apiMode } from "./api-names.ts";

export const CLUSTER_SETTINGS_SELECT = {
  name: true,
  mode: true,
  system: true,
  intervalMs: true,
  timeoutMs: true,
  failureThreshold: true,
  rpoBudgetBytes: true,
  rpoBudgetSeconds: true,
  rtoTargetMs: true,
  policy: true,
  managedBy: true,
  paused: true,
  splitBrain: true,
  imbalanced: true,
} as const;

export function clusterSettings(cluster: {
  name: string;
  mode: ClusterMode;
  system: ClusterSystem;
  intervalMs: number;
  timeoutMs: number;
  failureThreshold: number;
  rpoBudgetBytes: bigint;
  rpoBudgetSeconds: number;
  rtoTargetMs: number;
  policy: FailoverPolicy;
  managedBy: ClusterManager;
  paused: boolean;
  splitBrain: boolean;
  imbalanced: boolean;
}) {
  return {
    name: cluster.name,
    mode: apiMode(cluster.mode),
    system: cluster.system,
    intervalMs: cluster.intervalMs,
    timeoutMs: cluster.timeoutMs,
    failureThreshold: cluster.failureThreshold,
    detectionBoundMs: detectionBoundMs(cluster),
    rpoBudgetBytes: Number(cluster.rpoBudgetBytes),
    rpoBudgetSeconds: cluster.rpoBudgetSeconds,
    rtoTargetMs: cluster.rtoTargetMs,
    policy: cluster.policy === "AUTOMATIC" ? ("automatic" as const) : ("manual" as const),
    managedBy: cluster.managedBy,
    paused: cluster.paused,
    splitBrain: cluster.splitBrain,
    imbalanced: cluster.imbalanced,
  };
}
