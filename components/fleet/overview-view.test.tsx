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
  availability: { percent: 99.5, target: 99.99, observedMinutes: 1000, downMinutes: 5, budgetMinutes: 4.32, budgetUsed: 5 / 4.32 },
  nodes: [{ name: "orders-db-1", role: "primary", state: "DOWN", region: "eu-west", zone: "eu-west-1a", lastSeenAt: null }],
};

const render = (props: Partial<Parameters<typeof OverviewView>[0]>) =>
  renderToStaticMarkup(<OverviewView clusters={undefined} error={undefined} updatedAt={0} onRetry={() => {}} {...props} />);

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
});
