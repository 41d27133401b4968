// GET /metrics on the console: every figure read from the store in one parallel wave, so any
// instance answers, leader or not, and the answer does not change with the instance asked.
import { counter, type Family, gauge, renderExposition } from "../../lib/metrics-exposition.ts";
import { apiType } from "../actions/names.ts";
import type { Db } from "../db/client.ts";
import { Severity } from "../db/generated/enums.ts";
import { loadFleet } from "../fleet/overview.ts";
import { endpointName } from "../alerts/endpoint-name.ts";
import { apiScenario } from "../drills/scenario-names.ts";
import { clusterFamilies, nodeFamilies } from "./fleet-families.ts";
import { pollDurations } from "./poll-histogram.ts";
import { actionCounts, drillCounts, leadership, openAlertCounts, webhookCounts } from "./store-counts.ts";

const SEVERITIES = Object.values(Severity);

export async function consoleMetrics(db: Db, now = Date.now()): Promise<string> {
  const [fleet, polls, actions, drills, alerts, webhooks, leader] = await Promise.all([
    loadFleet(db),
    pollDurations(db, now),
    actionCounts(db),
    drillCounts(db),
    openAlertCounts(db),
    webhookCounts(db),
    leadership(db),
  ]);
  const clusterName = new Map(fleet.clusters.map((c) => [c.id, c.name]));
  const named = <T extends { clusterId: string }>(rows: T[]) =>
    rows.flatMap((row) => {
      const cluster = clusterName.get(row.clusterId);
      return cluster === undefined ? [] : [{ ...row, cluster }];
    });
  const openAlerts = new Map(alerts.map((a) => [`${a.clusterId} ${a.severity}`, a.n]));
  const families: Family[] = [
    ...nodeFamilies(fleet),
    ...clusterFamilies(fleet, polls),
    counter(
      "haops_actions_total",
      "Finished actions by cluster, type and outcome (SUCCEEDED, FAILED, ABORTED).",
      named(actions).map((a) => ({
        labels: { cluster: a.cluster, type: apiType(a.type), outcome: a.status },
        value: a.n,
      })),
    ),
    counter(
      "haops_drills_total",
      "Judged drills by cluster, scenario and verdict (PASS, FAIL, ABORTED).",
      named(drills).map((d) => ({
        labels: { cluster: d.cluster, scenario: apiScenario(d.scenario), verdict: d.verdict },
        value: d.n,
      })),
    ),
    gauge(
      "haops_alerts_open",
      "Open alerts by cluster and severity.",
      fleet.clusters.flatMap((c) =>
        SEVERITIES.map((severity) => ({
          labels: { cluster: c.name, severity: severity.toLowerCase() },
          value: openAlerts.get(`${c.id} ${severity}`) ?? 0,
        })),
      ),
    ),
    counter(
      "haops_webhook_deliveries_total",
      "Webhook deliveries that ended, by endpoint id and outcome (SUCCEEDED, FAILED: retries exhausted or disabled).",
      webhooks.ended.map((e) => ({ labels: { endpoint: e.endpointId, outcome: e.status }, value: Number(e.count) })),
    ),
    gauge(
      "haops_webhook_deliveries_pending",
      "Webhook deliveries waiting to be sent, by endpoint id.",
      webhooks.waiting.map((w) => ({ labels: { endpoint: w.endpointId }, value: w.pending })),
    ),
    gauge(
      "haops_webhook_deliveries_retrying",
      "Webhook deliveries waiting for a retry after a failed attempt, by endpoint id.",
      webhooks.waiting.map((w) => ({ labels: { endpoint: w.endpointId }, value: w.retrying })),
    ),
    gauge(
      "haops_webhook_endpoint_enabled",
      "1 for an enabled webhook endpoint, 0 for a disabled one (410 Gone, or by an admin); name is its description or host.",
      webhooks.endpoints.map((e) => ({
        labels: { endpoint: e.id, name: endpointName(e) },
        value: e.enabled ? 1 : 0,
      })),
    ),
    ...leaderFamilies(leader),
  ];
  return renderExposition(families);
}

function leaderFamilies({ lease, record }: Awaited<ReturnType<typeof leadership>>) {
  const recorded = record && lease && record.instanceId === lease.holder ? record : null;
  return [
    gauge(
      "haops_control_leader",
      "1 while the instance holds an unexpired leader lease, 0 once its lease expired (by the database's clock).",
      lease ? [{ labels: { instance: lease.holder }, value: lease.live ? 1 : 0 }] : [],
    ),
    gauge(
      "haops_control_epoch",
      "The leader lease's epoch: it rises by one at each takeover.",
      lease ? [{ value: Number(lease.epoch) }] : [],
    ),
    counter(
      "haops_samples_dropped_total",
      "Samples the leader dropped from its full write buffer while the database was away; counted by the " +
        "leading process since it started, so a new leader starts again from 0.",
      recorded ? [{ value: recorded.droppedSamples }] : [],
    ),
    counter(
      "haops_events_dropped_total",
      "Events the leader dropped from its full write buffer, counted as haops_samples_dropped_total is.",
      recorded ? [{ value: recorded.droppedEvents }] : [],
    ),
  ];
}
