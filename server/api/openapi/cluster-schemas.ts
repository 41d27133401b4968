// Clusters as the read API answers them (DESIGN.md, "Read API"; server/fleet/cluster-document.ts).
import { z } from "zod";
import { component, isoTime } from "./components.ts";

const role = z.enum(["primary", "standby", "active", "unknown"]);

const lastSample = z.object({
  at: isoTime,
  reachable: z.boolean(),
  healthy: z.boolean(),
  pollLatencyMs: z.number().nullable(),
  lagBytes: z.number().nullable(),
  lagSeconds: z.number().nullable(),
  weight: z.number().nullable(),
  activeConnections: z.number().nullable(),
  requestsPerSec: z.number().nullable(),
  errorRate: z.number().nullable(),
  failedChecks: z.unknown().describe("The checks the agent reported failing, as it reported them."),
});

const nodeSchema = z.object({
  name: z.string(),
  role: role.describe("The console's view: a former primary after a failover is not primary."),
  reportedRole: role.describe("What the node's agent last said."),
  needsRejoin: z.boolean(),
  state: z.enum(["HEALTHY", "SUSPECT", "DOWN", "UNKNOWN"]),
  confirmedDown: z.boolean(),
  isolated: z.boolean(),
  region: z.string(),
  zone: z.string(),
  weight: z.number(),
  trafficState: z.enum(["ready", "drain", "maint"]).nullable(),
  fenced: z.boolean(),
  paused: z.boolean(),
  agentUrl: z.string().nullable().describe("null for a node whose agent pushes its reports."),
  address: z.string().nullable().describe("Where clients reach its service (host:port), as the client routes say."),
  lastSeenAt: isoTime.nullable(),
  stateChangedAt: isoTime.nullable(),
  lastSample: lastSample.nullable(),
});

export const clusterSchema = component(
  "Cluster",
  "A cluster's settings and its nodes with their last sample. Fields may be added; none is renamed.",
  z.object({
    name: z.string(),
    mode: z.enum(["active-passive", "active-active"]),
    system: z.enum(["postgresql", "redis", "mariadb", "http"]),
    intervalMs: z.number(),
    timeoutMs: z.number(),
    failureThreshold: z.number(),
    detectionBoundMs: z.number(),
    rpoBudgetBytes: z.number(),
    rpoBudgetSeconds: z.number(),
    rtoTargetMs: z.number(),
    policy: z.enum(["manual", "automatic"]),
    managedBy: z
      .enum(["console", "sentinel"])
      .describe("sentinel: Redis Sentinel decides failovers; the console watches and asks it, never promotes itself."),
    paused: z.boolean(),
    splitBrain: z.boolean(),
    imbalanced: z.boolean(),
    nodes: z.array(nodeSchema),
  }),
);

export const clusterListSchema = component(
  "ClusterList",
  "Every cluster, by name.",
  z.object({ clusters: z.array(clusterSchema) }),
);
