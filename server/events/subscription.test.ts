import { describe, expect, it } from "vitest";
import { subscribedEvents } from "./subscription.ts";

const refusal = (events: unknown) => {
  const parsed = subscribedEvents.safeParse(events);
  return parsed.success ? null : { path: parsed.error.issues[0]?.path, message: parsed.error.issues[0]?.message };
};

describe("subscribed events", () => {
  it("accepts '*' and catalog types, as the outbox trigger matches them", () => {
    for (const events of [["*"], ["node.down", "node.recovered"], ["*", "audit.checkpoint"], ["split_brain"]]) {
      expect({ events, refused: refusal(events) }).toEqual({ events, refused: null });
    }
  });

  it("refuses a typo naming the nearest type", () => {
    expect(refusal(["node.down", "node.dwon"])).toEqual({
      path: [],
      message: `"node.dwon" is not an event type; did you mean "node.down"?`,
    });
  });

  it("refuses patterns the trigger never matched, and names far from every type", () => {
    expect(refusal(["node.*"])?.message).toMatch(/^"node\.\*" is not an event type; /);
    expect(refusal(["kubernetes.pod_evicted"])?.message).toBe(
      `"kubernetes.pod_evicted" is not an event type; use '*' or an event type such as node.down`,
    );
  });

  it("keeps its bounds: at least one, at most 100", () => {
    expect(refusal([])).not.toBeNull();
    expect(refusal(Array.from({ length: 101 }, () => "*"))).not.toBeNull();
    expect(refusal(["x".repeat(101)])).not.toBeNull();
  });
});
