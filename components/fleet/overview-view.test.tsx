import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ClusterSummary } from "@/server/fleet/overview";
import { OverviewView } from "./overview-view";

const cluster: ClusterSummary = {
  name: "orders-db",
  mode: "active-passive",
  system: "postgresql",
  paused: false,
  nodeCount: 1,
  states: { HEALTHY: 0, SUSPECT: 0, DOWN: 1, UNKNOWN: 0 },
  rank: 0,
  problem: { severity: "critical", text: "primary orders-db-1 down, confirmed by 2/2 peers" },
  worstLag: null,
  trafficByRegion: [],
  availability: {
    percent: 99.5,
    target: 99.99,
    observedMinutes: 1000,
    downMinutes: 5,
    budgetMinutes: 4.32,
    budgetUsed: 5 / 4.32,
  },
  readiness: {
    score: 70,
    worst: "fail",
    reasons: [
      { id: "last-drill", state: "pass", text: "last successful drill 2 d ago (2026-11-19)" },
      { id: "standby-capacity", state: "fail", text: "no standby to fail over to" },
      { id: "lag-vs-rpo", state: "warn", text: "no RPO budget set" },
      {
        id: "detection-vs-rto",
        state: "pass",
        text: "a failure is detected within 3.8 s at worst, 13 % of the 30.0 s RTO target",
      },
      { id: "webhooks", state: "pass", text: "alerts go to ops-pager; no delivery in the last 24 h" },
    ],
  },
  nodes: [
    {
      name: "orders-db-1",
      role: "primary",
      state: "DOWN",
      region: "eu-west",
      zone: "eu-west-1a",
      lastSeenAt: null,
      needsRejoin: false,
    },
  ],
};

const render = (props: Partial<Parameters<typeof OverviewView>[0]>) =>
  renderToStaticMarkup(
    <OverviewView clusters={undefined} error={undefined} updatedAt={0} onRetry={() => {}} {...props} />,
  );

describe("OverviewView", () => {
  it("shows a busy skeleton while the first answer is on its way", () => {
    const html = render({});
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain("orders-db");
  });

  it("shows the error and a retry button when the first load fails", () => {
    const html = render({ error: "Failed to fetch" });
    expect(html).toContain('role="alert"');
    expect(html).toContain("Failed to fetch");
    expect(html).toContain("Try again");
  });

  it("says so when there are no clusters", () => {
    expect(render({ clusters: [] })).toContain("No clusters yet");
  });

  it("keeps showing the last data under a stale banner when a refresh fails", () => {
    const html = render({ clusters: [cluster], error: "Failed to fetch", updatedAt: Date.UTC(2026, 10, 21, 10) });
    expect(html).toContain("Stale data.");
    expect(html).toContain("orders-db-1");
    expect(html).toContain("1 down");
    expect(html).toContain("primary orders-db-1 down, confirmed by 2/2 peers");
  });

  it("shows each cluster's readiness score, coloured by its worst reason, with the reasons behind it", () => {
    const html = render({ clusters: [cluster] });
    expect(html).toContain("Readiness</th>");
    expect(html).toMatch(
      new RegExp(
        /class="readiness-score readiness-fail"[^>]*/.source +
          /aria-label="Readiness 70 of 100, worst reason fail: show the reasons"/.source,
      ),
    );
    expect(html).toContain("no standby to fail over to");
  });

  it("offers a problem's fix as a button that opens its plan, only to a role that may run it", () => {
    const fix = {
      type: "failover" as const,
      target: "orders-db-2",
      text: "Fail over to orders-db-2 — sync, 0 B behind",
    };
    const withFix = { ...cluster, problem: { severity: "critical" as const, text: "primary down", fix } };
    const html = render({ clusters: [withFix], offerFixes: true });
    expect(html).toContain('href="/clusters/orders-db?plan=failover&amp;node=orders-db-2"');
    expect(html).toContain(">Fail over to orders-db-2 — sync, 0 B behind</a>");
    expect(render({ clusters: [withFix] })).not.toContain("Fail over to");
  });
});
