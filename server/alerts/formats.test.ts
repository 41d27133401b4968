import { describe, expect, it } from "vitest";
import { formatBody } from "./formats.ts";
import { webhookPayload } from "./payload.ts";

const payload = (type: string, severity = "CRITICAL", drillId: string | null = null) =>
  webhookPayload(
    {
      id: 7n,
      at: new Date("2026-11-23T10:00:00Z"),
      type,
      severity,
      summary: "orders-db-1 (primary) is down",
      details: {},
      drillId,
      cluster: { name: "orders-db" },
      node: { name: "orders-db-1" },
    },
    "https://console.example.com",
  );

describe("webhook formats", () => {
  it("standard: the documented JSON with a link to the cluster page", () => {
    expect(formatBody("STANDARD", payload("node.down"), "")).toMatchObject({
      type: "node.down",
      timestamp: "2026-11-23T10:00:00.000Z",
      data: {
        id: "7",
        severity: "critical",
        cluster: "orders-db",
        node: "orders-db-1",
        link: "https://console.example.com/clusters/orders-db",
      },
    });
  });

  it("pagerduty: triggers and resolves one alert per condition with the same dedup_key", () => {
    const trigger = formatBody("PAGERDUTY", payload("node.down"), "key") as Record<string, unknown>;
    const resolve = formatBody("PAGERDUTY", payload("node.recovered", "INFO"), "key") as Record<string, unknown>;
    expect(trigger).toMatchObject({
      routing_key: "key",
      event_action: "trigger",
      payload: { severity: "critical", source: "orders-db" },
    });
    expect(resolve).toMatchObject({ event_action: "resolve" });
    expect(resolve.dedup_key).toBe(trigger.dedup_key);
  });

  it("pagerduty: each condition of the event catalog is resolved by its own resolving event", () => {
    const pairs = [
      ["node.down", "node.recovered"],
      ["node.suspect", "node.healthy"],
      ["lag.over", "lag.under"],
      ["node.degraded", "node.restored"],
      ["split_brain", "split_brain.resolved"],
      ["traffic.imbalance", "traffic.balanced"],
    ] as const;
    for (const [opened, resolving] of pairs) {
      const trigger = formatBody("PAGERDUTY", payload(opened), "key") as Record<string, unknown>;
      const resolve = formatBody("PAGERDUTY", payload(resolving, "INFO"), "key") as Record<string, unknown>;
      const actions = [trigger.event_action, resolve.event_action];
      expect({ opened, actions, same: resolve.dedup_key === trigger.dedup_key }).toEqual({
        opened,
        actions: ["trigger", "resolve"],
        same: true,
      });
    }
  });

  it("slack: one line of text with the severity and a link", () => {
    expect(formatBody("SLACK", payload("node.down"), "")).toEqual({
      text:
        ":red_circle: *critical* orders-db-1 (primary) is down " +
        "(<https://console.example.com/clusters/orders-db|orders-db>)",
    });
  });

  it("drill traffic: marked in every format, and a drill result links to its report", () => {
    expect(formatBody("STANDARD", payload("node.down", "CRITICAL", "d1"), "")).toMatchObject({
      data: { drill: "d1", link: "https://console.example.com/clusters/orders-db" },
    });
    expect(formatBody("STANDARD", payload("drill.result", "INFO", "d1"), "")).toMatchObject({
      data: { link: "https://console.example.com/drills/d1" },
    });
    expect((formatBody("SLACK", payload("node.down", "CRITICAL", "d1"), "") as { text: string }).text).toMatch(
      /^:red_circle: \[drill\] \*critical\*/,
    );
    const drill = formatBody("PAGERDUTY", payload("node.down", "CRITICAL", "d1"), "key") as {
      payload: { class?: string };
    };
    const real = formatBody("PAGERDUTY", payload("node.down"), "key") as { payload: { class?: string } };
    expect([drill.payload.class, real.payload.class]).toEqual(["drill", undefined]);
  });
});
