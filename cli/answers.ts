// The console's answers as `haops` reads them: the types of the OpenAPI document's components
// (types only: nothing of the server is in the CLI).
import type { z } from "zod";
import type { actionAcceptedSchema, actionSchema, planSchema } from "../server/api/openapi/action-schemas.ts";
import type { clusterListSchema, clusterSchema } from "../server/api/openapi/cluster-schemas.ts";
import type { alertListSchema, alertSchema, auditPageSchema } from "../server/api/openapi/console-schemas.ts";
import type { haltSchema } from "../server/api/openapi/console-schemas.ts";
import type { drillAcceptedSchema, drillSchema } from "../server/api/openapi/drill-schemas.ts";

export type Cluster = z.infer<typeof clusterSchema>;
export type ClusterList = z.infer<typeof clusterListSchema>;
export type Plan = z.infer<typeof planSchema>;
export type ActionAccepted = z.infer<typeof actionAcceptedSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Drill = z.infer<typeof drillSchema>;
export type DrillAccepted = z.infer<typeof drillAcceptedSchema>;
export type AlertList = z.infer<typeof alertListSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type Halt = z.infer<typeof haltSchema>;
