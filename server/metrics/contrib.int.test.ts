// The contrib files for Prometheus and Grafana hold to what the console serves: the alert rules
// pass promtool (and their own unit tests), and every metric the rules or the dashboard's queries
// name is one GET /metrics exports.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { db } from "../db/client.ts";
import { promtool } from "../testing/promtool.ts";
import { consoleMetrics } from "./console-metrics.ts";

const root = path.resolve(import.meta.dirname, "../..");
const RULES = "contrib/prometheus/haops-rules.yml";
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** Every series name the console exports, a histogram's _bucket, _sum and _count included. */
async function exportedNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const [, name, type] of (await consoleMetrics(db())).matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (type === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) names.add(`${name}${suffix}`);
    else names.add(name!);
  }
  return names;
}

const namesIn = (queries: string[]) => new Set(queries.flatMap((query) => query.match(/\bhaops_[a-z0-9_]+/g) ?? []));

function dashboardQueries(): string[] {
  const dashboard = JSON.parse(read("contrib/grafana/haops-dashboard.json")) as {
    panels: { targets?: { expr: string }[] }[];
    templating: { list: { definition?: string }[] };
  };
  return [
    ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
    ...dashboard.templating.list.flatMap((variable) => (variable.definition ? [variable.definition] : [])),
  ];
}

describe("contrib: Prometheus alert rules and the Grafana dashboard", () => {
  it("the alert rules pass promtool check rules and their unit tests", () => {
    expect(promtool(["check", "rules", path.join(root, RULES)])).toMatchObject({ code: 0 });
    const tests = path.join(root, "contrib/prometheus/haops-rules.test.yml");
    expect(promtool(["test", "rules", tests])).toMatchObject({ code: 0 });
  });

  it("the alert rules name only metrics the console exports", async () => {
    const rules = parse(read(RULES)) as { groups: { rules: { alert: string; expr: string }[] }[] };
    const exprs = rules.groups.flatMap((group) => group.rules.map((rule) => rule.expr));
    const exported = await exportedNames();
    expect([...namesIn(exprs)].filter((name) => !exported.has(name))).toEqual([]);
    const alerts = rules.groups.flatMap((group) => group.rules.map((rule) => rule.alert));
    expect(alerts).toEqual(expect.arrayContaining(["HaopsNodeDown", "HaopsSplitBrain", "HaopsNoLeader"]));
  });

  it("the dashboard's queries name only metrics the console exports, and cover the fleet's figures", async () => {
    const used = namesIn(dashboardQueries());
    const exported = await exportedNames();
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
    const covered = [
      "haops_node_up",
      "haops_node_state",
      "haops_replication_lag_bytes",
      "haops_replication_lag_seconds",
      "haops_requests_per_second",
      "haops_readiness_score",
      "haops_cluster_availability_ratio",
      "haops_alerts_open",
      "haops_actions_total",
      "haops_drills_total",
    ];
    expect(covered.filter((name) => !used.has(name))).toEqual([]);
  });
});
