import { describe, expect, it } from "vitest";
import { incidentMarkdown } from "./markdown.ts";
import { buildTimeline } from "./timeline.ts";

const T0 = Date.parse("2026-03-01T10:00:00.000Z");
const at = (s: number) => new Date(T0 + s * 1000);
const action = { label: "failover of orders-db to orders-db-2", href: "/actions/a1" };

const timeline = buildTimeline(at(0), {
  events: [
    { at: at(0), type: "node.suspect", severity: "WARNING", summary: "orders-db-1 missed a poll", refs: [] },
    { at: at(3), type: "node.down", severity: "CRITICAL", summary: "orders-db-1 | down", refs: [] },
    { at: at(14), type: "action.succeeded", severity: "INFO", summary: `${action.label} succeeded`, refs: [action] },
  ],
  actions: [{ ref: action, createdAt: at(10), requestedBy: "ops@example.com", reason: "primary lost", refs: [] }],
  deliveries: [
    {
      at: at(3.2),
      eventType: "node.down",
      endpoint: "hooks.example.com",
      status: "SUCCEEDED",
      attempts: 1,
      statusCode: 200,
    },
    { at: at(5), eventType: "node.down", endpoint: "pager", status: "FAILED", attempts: 12, statusCode: 500 },
  ],
  acks: [
    { at: at(8), by: "ops@example.com", type: "node.down", where: "orders-db/orders-db-1", note: "on it", refs: [] },
  ],
});

describe("buildTimeline", () => {
  it("orders events, actions, deliveries and acknowledgements, timed from the start", () => {
    expect(timeline.map((i) => [i.offsetMs, i.kind, i.code])).toEqual([
      [0, "event", "node.suspect"],
      [3_000, "event", "node.down"],
      [3_200, "alert-sent", "webhook"],
      [5_000, "alert-sent", "webhook"],
      [8_000, "ack", "alert.ack"],
      [10_000, "action", "action.requested"],
      [14_000, "event", "action.succeeded"],
    ]);
    expect(timeline[2]!.text).toBe("node.down sent to hooks.example.com: delivered (HTTP 200)");
    expect(timeline[3]!.text).toBe("node.down sent to pager: not delivered after 12 attempts");
    expect(timeline[5]).toMatchObject({
      text: "failover of orders-db to orders-db-2 requested by ops@example.com: primary lost",
      refs: [action],
    });
  });
});

describe("incidentMarkdown", () => {
  const incident = {
    id: "41",
    title: "orders-db-1 is down",
    cluster: "orders-db",
    mode: "active-passive" as const,
    start: at(0),
    end: at(90),
    durationMs: 90_000,
    impact: { ms: 12_500, node: "orders-db-1", from: at(0), to: at(12.5) },
    drill: null,
    timeline,
  };

  it("starts a postmortem: title, cluster, start, end, duration and impact", () => {
    const md = incidentMarkdown(incident);
    expect(md.split("\n").slice(0, 9)).toEqual([
      "# Incident on orders-db: orders-db-1 is down",
      "",
      "- **Cluster:** orders-db (active-passive)",
      "- **Start:** 2026-03-01 10:00:00 UTC",
      "- **End:** 2026-03-01 10:01:30 UTC",
      "- **Duration:** 1.5 min",
      "- **Impact:** 13 s without a writable primary (orders-db-1 lost at 2026-03-01 10:00:00 UTC, until " +
        "2026-03-01 10:00:12 UTC)",
      "- **Incident:** 41",
      "",
    ]);
  });

  it("keeps the timeline one row per entry, escaping pipes, and lists actions and alerts sent apart", () => {
    const md = incidentMarkdown(incident);
    expect(md).toContain("| +3 s | 2026-03-01 10:00:03 UTC | critical | `node.down` | orders-db-1 \\| down |");
    expect(md).toContain(
      "## Actions taken\n\n- +10 s (2026-03-01 10:00:10 UTC): failover of orders-db to orders-db-2 requested by " +
        "ops@example.com: primary lost\n",
    );
    expect(md).toContain("## Alerts sent\n\n- +3.2 s (2026-03-01 10:00:03 UTC): node.down sent to hooks.example.com");
    expect(md).toContain("## Acknowledgements\n\n- +8 s (2026-03-01 10:00:08 UTC): ops@example.com acknowledged");
  });

  it("says an incident that lasts is ongoing, and one that lost no primary says so", () => {
    const md = incidentMarkdown({ ...incident, end: null, impact: null, timeline: [] });
    expect(md).toContain("- **End:** ongoing");
    expect(md).toContain("- **Duration:** 1.5 min so far");
    expect(md).toContain("- **Impact:** no time without a writable primary (the primary was not lost)");
    expect(md).toContain("## Actions taken\n\n- none\n");
  });
});
