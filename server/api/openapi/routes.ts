// Every /api/v1 route as the OpenAPI document lists it. A new route file gets its entry here (a
// test compares this list with the route files under app/api/v1).
import { actionListQuerySchema } from "../../actions/list.ts";
import { planRequestSchema, runRequestSchema } from "../../actions/types.ts";
import { alertAckSchema, alertListQuerySchema } from "../../alerts/alert-input.ts";
import { endpointInputSchema } from "../../alerts/endpoints.ts";
import { auditApiQuerySchema } from "../../audit/list.ts";
import {
  drillAbortSchema,
  drillListQuerySchema,
  drillReportQuerySchema,
  drillStartSchema,
} from "../../drills/types.ts";
import { haltRequestSchema } from "../../halt/halt-request.ts";
import { hooksReplaceSchema } from "../../hooks/hook-input.ts";
import { routesReplaceSchema } from "../../routes/route-input.ts";
import { hookListSchema, hooksReplacedSchema, routeListSchema } from "./hook-schemas.ts";
import { incidentFormatQuerySchema, incidentListQuerySchema } from "../../incidents/incident-query.ts";
import { clusterPath, idPath, incidentPath } from "../path-params.ts";
import { actionAcceptedSchema, actionPageSchema, actionSchema, planSchema } from "./action-schemas.ts";
import { clusterListSchema, clusterSchema } from "./cluster-schemas.ts";
import {
  alertListSchema,
  alertSchema,
  auditPageSchema,
  haltSchema,
  webhookCreatedSchema,
  webhookListSchema,
} from "./console-schemas.ts";
import { openApiSchema } from "./document-schema.ts";
import { drillAbortingSchema, drillAcceptedSchema, drillListSchema, drillSchema } from "./drill-schemas.ts";
import { incidentListSchema, incidentSchema } from "./incident-schemas.ts";
import type { RouteSpec } from "./route-spec.ts";

const noCluster = "No cluster by that name.";
const guardsRefuse = "Refused: `guards` holds every guard's verdict; another action already running is one of them.";

export const API_ROUTES: RouteSpec[] = [
  {
    method: "get",
    path: "/api/v1/clusters",
    summary: "Every cluster with its nodes",
    role: "viewer",
    answer: { status: 200, description: "The clusters.", schema: clusterListSchema },
  },
  {
    method: "get",
    path: "/api/v1/clusters/{name}",
    summary: "One cluster with its nodes",
    role: "viewer",
    params: clusterPath,
    answer: { status: 200, description: "The cluster.", schema: clusterSchema },
    refusals: { 404: noCluster },
  },
  {
    method: "post",
    path: "/api/v1/clusters/{name}/plans",
    summary: "Plan an action: its guards and steps; changes nothing",
    role: "operator",
    params: clusterPath,
    body: planRequestSchema,
    answer: { status: 200, description: "The plan.", schema: planSchema },
    refusals: { 404: noCluster },
  },
  {
    method: "post",
    path: "/api/v1/clusters/{name}/actions",
    summary: "Run an action when its guards allow it (confirm is the cluster's name)",
    role: "operator",
    params: clusterPath,
    body: runRequestSchema,
    answer: { status: 202, description: "Requested; the runner carries it out.", schema: actionAcceptedSchema },
    refusals: { 403: "Overrides need the admin role.", 404: noCluster, 409: guardsRefuse },
  },
  {
    method: "get",
    path: "/api/v1/clusters/{name}/hooks",
    summary: "The cluster's hooks: http and command, at the phases of its actions",
    role: "admin",
    params: clusterPath,
    answer: { status: 200, description: "The hooks.", schema: hookListSchema },
    refusals: { 404: noCluster },
  },
  {
    method: "put",
    path: "/api/v1/clusters/{name}/hooks",
    summary: "Replace the cluster's hooks (the whole ordered list), with a reason",
    role: "admin",
    params: clusterPath,
    body: hooksReplaceSchema,
    answer: { status: 200, description: "Saved; new http hooks' secrets once.", schema: hooksReplacedSchema },
    refusals: { 404: noCluster },
  },
  {
    method: "get",
    path: "/api/v1/clusters/{name}/routes",
    summary: "The cluster's client routes (PgBouncer, DNS) and its nodes' client addresses",
    role: "admin",
    params: clusterPath,
    answer: { status: 200, description: "The routes.", schema: routeListSchema },
    refusals: { 404: noCluster },
  },
  {
    method: "put",
    path: "/api/v1/clusters/{name}/routes",
    summary: "Replace the cluster's client routes and set nodes' client addresses, with a reason",
    role: "admin",
    params: clusterPath,
    body: routesReplaceSchema,
    answer: { status: 200, description: "Saved.", schema: routeListSchema },
    refusals: { 404: noCluster },
  },
  {
    method: "get",
    path: "/api/v1/actions",
    summary: "The history of actions, newest first",
    role: "viewer",
    query: actionListQuerySchema,
    answer: { status: 200, description: "A page of actions.", schema: actionPageSchema },
  },
  {
    method: "get",
    path: "/api/v1/actions/{id}",
    summary: "One action and its steps",
    role: "viewer",
    params: idPath,
    answer: { status: 200, description: "The action.", schema: actionSchema },
    refusals: { 404: "No action with that id." },
  },
  {
    method: "post",
    path: "/api/v1/clusters/{name}/drills",
    summary: "Start a drill that runs unattended (confirm is the cluster's name)",
    role: "operator",
    params: clusterPath,
    body: drillStartSchema,
    answer: { status: 202, description: "Started.", schema: drillAcceptedSchema },
    refusals: { 404: noCluster, 409: "Refused by the drill's pre-checks (`guards`), or another drill runs." },
  },
  {
    method: "get",
    path: "/api/v1/clusters/{name}/drills",
    summary: "The cluster's last 50 drills, newest first",
    role: "viewer",
    params: clusterPath,
    answer: { status: 200, description: "The drills.", schema: drillListSchema },
  },
  {
    method: "get",
    path: "/api/v1/drills",
    summary: "Drill history, newest first",
    role: "viewer",
    query: drillListQuerySchema,
    answer: { status: 200, description: "The drills.", schema: drillListSchema },
  },
  {
    method: "get",
    path: "/api/v1/drills/{id}",
    summary: "A drill's report",
    role: "viewer",
    params: idPath,
    query: drillReportQuerySchema,
    answer: { status: 200, description: "The report.", schema: drillSchema },
    refusals: { 404: "No drill with that id." },
  },
  {
    method: "post",
    path: "/api/v1/drills/{id}/abort",
    summary: "Abort a running drill: it restores the cluster, then ends ABORTED",
    role: "operator",
    params: idPath,
    body: drillAbortSchema,
    answer: { status: 202, description: "Aborting.", schema: drillAbortingSchema },
    refusals: { 404: "No drill with that id.", 409: "The drill is not running." },
  },
  {
    method: "get",
    path: "/api/v1/clusters/{name}/incidents",
    summary: "The cluster's incidents of the last 30 days, newest first",
    role: "viewer",
    params: clusterPath,
    query: incidentListQuerySchema,
    answer: { status: 200, description: "The incidents.", schema: incidentListSchema },
    refusals: { 404: noCluster },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{id}",
    summary: "One incident and its timeline",
    role: "viewer",
    params: incidentPath,
    query: incidentFormatQuerySchema,
    answer: { status: 200, description: "The incident.", schema: incidentSchema, text: "text/markdown" },
    refusals: { 404: "No incident with that id." },
  },
  {
    method: "get",
    path: "/api/v1/alerts",
    summary: "Alerts, open first",
    role: "viewer",
    query: alertListQuerySchema,
    answer: { status: 200, description: "The alerts.", schema: alertListSchema },
  },
  {
    method: "post",
    path: "/api/v1/alerts/{id}/ack",
    summary: "Acknowledge an alert: no repeats until its condition resolves",
    role: "operator",
    params: idPath,
    body: alertAckSchema,
    answer: { status: 200, description: "The alert, acknowledged.", schema: alertSchema },
    refusals: { 404: "No alert with that id." },
  },
  {
    method: "get",
    path: "/api/v1/audit",
    summary: "The audit log, newest first, and whether its chain verifies",
    role: "viewer",
    query: auditApiQuerySchema,
    answer: { status: 200, description: "A page of entries.", schema: auditPageSchema, text: "text/csv" },
    refusals: { 403: "full=1 (a walk of the whole log) needs the admin role." },
  },
  {
    method: "get",
    path: "/api/v1/halt",
    summary: "Whether the global halt is on",
    role: "viewer",
    answer: { status: 200, description: "The halt.", schema: haltSchema },
  },
  {
    method: "post",
    path: "/api/v1/halt",
    summary: "Set or lift the global halt",
    role: "operator",
    body: haltRequestSchema,
    answer: { status: 200, description: "The halt as it is now.", schema: haltSchema },
  },
  {
    method: "get",
    path: "/api/v1/webhooks",
    summary: "Webhook endpoints",
    role: "admin",
    answer: { status: 200, description: "The endpoints.", schema: webhookListSchema },
  },
  {
    method: "post",
    path: "/api/v1/webhooks",
    summary: "Add a webhook endpoint",
    role: "admin",
    body: endpointInputSchema,
    answer: { status: 201, description: "Added; its secret is shown only here.", schema: webhookCreatedSchema },
  },
  {
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    summary: "Remove a webhook endpoint",
    role: "admin",
    params: idPath,
    answer: { status: 204, description: "Removed." },
    refusals: { 404: "No webhook endpoint with that id." },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document",
    role: "viewer",
    answer: { status: 200, description: "The OpenAPI 3.1 document.", schema: openApiSchema },
  },
];
