// The console's metrics against a stored fleet of its own (a fresh database, so every figure is
// known): each family matches what the store holds, any instance reads the leader's figures from
// the store, ended webhook deliveries stay counted after retention deletes them, and promtool
// accepts the whole exposition.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishLeader } from "../control/leader-record.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { listClusterSummaries } from "../fleet/overview.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { prismaQuery } from "../testing/prisma-query.ts";
import { promtool, seriesValue } from "../testing/promtool.ts";
import { seedMetricsFleet } from "./metrics-fixtures.ts";
import { consoleMetrics } from "./console-metrics.ts";

let db: Db;
let fleet: Awaited<ReturnType<typeof seedMetricsFleet>>;
let text = "";

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  await migrate(url);
  db = createDb(url);
  fleet = await seedMetricsFleet(db);
  await db.$executeRaw`
    UPDATE leader_lease SET holder = 'console-a:41', epoch = 7, "expiresAt" = now() + interval '1 minute'`;
  await publishLeader(prismaQuery(db), "console-a:41", { droppedSamples: 12, droppedEvents: 3, rejectedRows: {} });
  text = await consoleMetrics(db, fleet.now);
});

afterAll(() => db?.$disconnect());

const value = (series: string) => seriesValue(text, series);

describe("the console's GET /metrics figures", () => {
  it("says each node's state, role, lag, weight and traffic as stored", () => {
    expect(value('haops_node_up{cluster="orders",node="db-1",role="primary"}')).toBe(1);
    expect(value('haops_node_up{cluster="orders",node="db-2",role="standby"}')).toBe(0);
    expect(value('haops_node_state{cluster="orders",node="db-2",state="SUSPECT"}')).toBe(1);
    expect(value('haops_node_state{cluster="orders",node="db-2",state="HEALTHY"}')).toBe(0);
    expect(value('haops_node_reported_role{cluster="orders",node="db-1",role="primary"}')).toBe(1);
    expect(value('haops_node_reported_role{cluster="orders",node="db-2",role="unknown"}')).toBe(1);
    expect(value('haops_replication_lag_bytes{cluster="orders",node="db-2"}')).toBe(2048);
    expect(value('haops_replication_lag_seconds{cluster="orders",node="db-2"}')).toBe(0.5);
    expect(value('haops_replication_lag_bytes{cluster="orders",node="db-1"}')).toBeUndefined();
    expect(value('haops_traffic_weight{cluster="web",node="web \\"1\\" \\\\ a"}')).toBe(50);
    expect(value('haops_requests_per_second{cluster="web",node="web \\"1\\" \\\\ a"}')).toBe(123.5);
  });

  it("gives availability, readiness and split-brain as the overview judges them", async () => {
    const summaries = await listClusterSummaries(db);
    for (const summary of summaries) {
      expect(value(`haops_readiness_score{cluster="${summary.name}"}`)).toBe(summary.readiness.score);
    }
    expect(value('haops_cluster_availability_ratio{cluster="orders"}')).toBeCloseTo(0.99, 10);
    expect(value('haops_cluster_availability_ratio{cluster="web"}')).toBeUndefined();
    expect(value('haops_cluster_availability_target_ratio{cluster="web"}')).toBeCloseTo(0.999, 10);
    const splitBrain = (cluster: string) => value(`haops_cluster_split_brain{cluster="${cluster}"}`);
    expect([splitBrain("orders"), splitBrain("web")]).toEqual([0, 1]);
  });

  it("bins the stored polls of the last 15 s into cumulative buckets", () => {
    const bucket = (le: string) => value(`haops_poll_duration_seconds_bucket{cluster="orders",le="${le}"}`);
    expect([bucket("0.005"), bucket("0.05"), bucket("0.5"), bucket("1"), bucket("+Inf")]).toEqual([1, 2, 2, 3, 3]);
    expect(value('haops_poll_duration_seconds_count{cluster="orders"}')).toBe(3);
    expect(value('haops_poll_duration_seconds_sum{cluster="orders"}')).toBeCloseTo(0.743, 6);
  });

  it("counts finished actions, judged drills and open alerts (zero where none is open)", () => {
    expect(value('haops_actions_total{cluster="orders",type="switchover",outcome="SUCCEEDED"}')).toBe(2);
    expect(value('haops_actions_total{cluster="orders",type="failover",outcome="FAILED"}')).toBe(1);
    expect(text).not.toContain('outcome="RUNNING"');
    expect(value('haops_drills_total{cluster="orders",scenario="primary-crash",verdict="PASS"}')).toBe(1);
    expect(text.match(/^haops_drills_total\{/gm)).toHaveLength(1);
    expect(value('haops_alerts_open{cluster="orders",severity="critical"}')).toBe(1);
    expect(value('haops_alerts_open{cluster="orders",severity="warning"}')).toBe(0);
    expect(value('haops_alerts_open{cluster="web",severity="critical"}')).toBe(0);
  });

  it("counts ended webhook deliveries by endpoint, and keeps them counted once retention deleted them", async () => {
    const endpoint = fleet.endpointId;
    expect(value(`haops_webhook_deliveries_total{endpoint="${endpoint}",outcome="SUCCEEDED"}`)).toBe(2);
    expect(value(`haops_webhook_deliveries_total{endpoint="${endpoint}",outcome="FAILED"}`)).toBe(1);
    expect(value(`haops_webhook_deliveries_pending{endpoint="${endpoint}"}`)).toBe(2);
    expect(value(`haops_webhook_deliveries_retrying{endpoint="${endpoint}"}`)).toBe(1);
    expect(value(`haops_webhook_endpoint_enabled{endpoint="${endpoint}",name="pager"}`)).toBe(1);
    await db.event.deleteMany({});
    expect(await db.webhookDelivery.count()).toBe(0);
    const after = await consoleMetrics(db);
    expect(seriesValue(after, `haops_webhook_deliveries_total{endpoint="${endpoint}",outcome="SUCCEEDED"}`)).toBe(2);
    expect(after).not.toContain("haops_webhook_deliveries_pending{");
  });

  it("names the leader from the lease, with the dropped counts of its record", async () => {
    expect(value('haops_control_leader{instance="console-a:41"}')).toBe(1);
    expect(value("haops_control_epoch")).toBe(7);
    expect(value("haops_samples_dropped_total")).toBe(12);
    expect(value("haops_events_dropped_total")).toBe(3);
    await db.$executeRaw`UPDATE leader_lease SET "expiresAt" = now() - interval '1 second'`;
    const expired = await consoleMetrics(db);
    expect(seriesValue(expired, 'haops_control_leader{instance="console-a:41"}')).toBe(0);
  });

  it("passes promtool check metrics", () => {
    expect(promtool(["check", "metrics"], text)).toEqual({ code: 0, output: "" });
  });
});
