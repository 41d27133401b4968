import { describe, expect, it } from "vitest";
import type { Severity } from "../db/generated/enums.ts";
import { type ConditionEvent, incidentSpans, incidentTitle, primaryLoss } from "./derive.ts";

const T0 = Date.parse("2026-03-01T10:00:00.000Z");
let nextId = 1n;
const at = (s: number) => new Date(T0 + s * 1000);
const ev = (s: number, type: string, nodeId: string | null, severity: Severity = "WARNING"): ConditionEvent => ({
  id: nextId++,
  at: at(s),
  type,
  severity,
  summary: `${nodeId ?? "cluster"} ${type}`,
  nodeId,
  drillId: null,
});

describe("incidentSpans", () => {
  it("runs from the first suspect event to the resolution of every condition opened in it", () => {
    const events = [
      ev(0, "node.suspect", "db-1"),
      ev(3, "node.down", "db-1", "CRITICAL"),
      ev(4, "node.suspect", "db-2"),
      ev(5, "node.healthy", "db-2", "INFO"),
      ev(60, "node.recovered", "db-1", "INFO"),
      ev(100, "split_brain", null, "CRITICAL"),
    ];
    const [first, second, ...rest] = incidentSpans(events);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ id: String(events[0]!.id), start: at(0), end: at(60) });
    expect(first!.events.map((e) => e.type)).toEqual([
      "node.suspect",
      "node.down",
      "node.suspect",
      "node.healthy",
      "node.recovered",
    ]);
    expect(incidentTitle(first!)).toBe("db-1 node.down");
    expect(second).toMatchObject({ id: String(events[5]!.id), start: at(100), end: null });
  });

  it("is titled by its worst event up to the why", () => {
    const down = { ...ev(0, "node.down", "db-1", "CRITICAL"), summary: "db-1 (primary) is down: 3 polls failed" };
    expect(incidentTitle(incidentSpans([down])[0]!)).toBe("db-1 (primary) is down");
    const active = [ev(0, "node.suspect", "web-1"), { ...ev(2, "node.down", "web-1"), summary: "web-1 is down: gone" }];
    expect(incidentTitle(incidentSpans(active)[0]!)).toBe("web-1 is down");
  });

  it("ignores a resolution with nothing open, such as one from before the window", () => {
    expect(incidentSpans([ev(0, "node.recovered", "db-1", "INFO"), ev(1, "split_brain.resolved", null)])).toEqual([]);
  });
});

describe("primaryLoss", () => {
  const outage = () =>
    incidentSpans([
      ev(0, "node.suspect", "db-1"),
      ev(3, "node.down", "db-1", "CRITICAL"),
      ev(4, "node.confirmed_down", "db-1", "CRITICAL"),
      ev(90, "node.recovered", "db-1", "INFO"),
    ])[0]!;

  it("lasts from the lost primary's first missed poll to the promotion of another", () => {
    expect(primaryLoss(outage(), [at(-30), at(12.5)], at(90))).toEqual({
      nodeId: "db-1",
      from: at(0),
      to: at(12.5),
      ms: 12_500,
    });
  });

  it("ends when the primary answers again if no one was promoted, and lasts while neither happened", () => {
    expect(primaryLoss(outage(), [], at(90))).toMatchObject({ to: at(90), ms: 90_000 });
    const lasting = incidentSpans([ev(0, "node.down", "db-1", "CRITICAL")])[0]!;
    expect(primaryLoss(lasting, [], at(42))).toMatchObject({ to: null, ms: 42_000 });
  });

  it("is null when only standbys were lost", () => {
    const standby = incidentSpans([ev(0, "node.down", "db-2"), ev(9, "node.recovered", "db-2", "INFO")])[0]!;
    expect(primaryLoss(standby, [], at(9))).toBeNull();
  });
});
