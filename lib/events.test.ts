import { describe, expect, it } from "vitest";
import { EVENT_TYPE_NAMES, EVENT_TYPES, isEventType, suggestEventType, type EventSpec } from "./events.ts";

const specs: [string, EventSpec][] = Object.entries(EVENT_TYPES);

describe("the event catalog", () => {
  it("names every type in the shape subscriptions and the outbox trigger compare", () => {
    for (const type of EVENT_TYPE_NAMES) expect(type).toMatch(/^[a-z_]+(\.[a-z_]+)*$/);
  });

  it("says in words how a varying severity is chosen, and describes every type", () => {
    for (const [type, spec] of specs) {
      expect({ type, described: spec.description.length > 10 }).toEqual({ type, described: true });
      if (spec.severity === "varies") expect({ type, rule: spec.rule.length > 10 }).toEqual({ type, rule: true });
    }
  });

  it("pairs each condition with the event that resolves it", () => {
    for (const [type, spec] of specs) {
      const resolver = spec.condition?.resolvedBy;
      if (resolver) expect({ type, resolver: isEventType(resolver) }).toEqual({ type, resolver: true });
      if (spec.resolves) {
        const opened: EventSpec | undefined = isEventType(spec.resolves) ? EVENT_TYPES[spec.resolves] : undefined;
        expect({ type, resolvedBy: opened?.condition?.resolvedBy }).toEqual({ type, resolvedBy: type });
      }
    }
  });

  it("knows the conditions whose alerts stay open", () => {
    const conditions = specs.filter(([, spec]) => spec.condition).map(([type]) => type);
    expect(conditions).toEqual(expect.arrayContaining(["node.down", "node.isolated", "lag.over", "split_brain"]));
    expect(EVENT_TYPES["node.down"].condition.resolvedBy).toBe("node.recovered");
  });

  it("tells a catalog type from anything else", () => {
    expect(isEventType("node.down")).toBe(true);
    expect(isEventType("split_brain.resolved")).toBe(true);
    for (const other of ["node.dwon", "*", "node.*", "", "toString", "__proto__", "constructor"]) {
      expect({ other, known: isEventType(other) }).toEqual({ other, known: false });
    }
  });
});

describe("suggestEventType", () => {
  it("suggests the nearest type for a typo", () => {
    expect(suggestEventType("node.dwon")).toBe("node.down");
    expect(suggestEventType(" Node.Down")).toBe("node.down");
    expect(suggestEventType("lag_over")).toBe("lag.over");
    expect(suggestEventType("split-brain")).toBe("split_brain");
    expect(suggestEventType("node.recoverd")).toBe("node.recovered");
    expect(suggestEventType("drill.results")).toBe("drill.result");
  });

  it("suggests nothing for a name far from every type", () => {
    expect(suggestEventType("kubernetes.pod_evicted")).toBeNull();
    expect(suggestEventType("x")).toBeNull();
  });
});
