import { describe, expect, it } from "vitest";
import { createLog, formatLogLine, withFields } from "./log.ts";

const time = new Date("2026-11-21T10:00:00.000Z");

describe("formatLogLine", () => {
  it("writes the message alone as text, fields or not", () => {
    const fields = { level: "error", cluster: "orders" } as const;
    expect(formatLogLine("text", { time, instance: "a", message: "Drill d1: boom", fields })).toBe("Drill d1: boom");
  });

  it("writes one JSON object with time, level, message and instance", () => {
    const line = formatLogLine("json", { time, instance: "host:42", message: "ready" });
    expect(JSON.parse(line)).toEqual({
      time: "2026-11-21T10:00:00.000Z",
      level: "info",
      message: "ready",
      instance: "host:42",
    });
  });

  it("adds the cluster, node, action and drill a line is about, and nothing it is not", () => {
    const fields = { level: "warn", cluster: "orders", node: "db-1", action: "a1", drill: undefined } as const;
    const parsed = JSON.parse(formatLogLine("json", { time, instance: "i", message: "m", fields }));
    expect(parsed).toMatchObject({ level: "warn", cluster: "orders", node: "db-1", action: "a1" });
    expect(parsed).not.toHaveProperty("drill");
  });

  it("keeps a message of several lines on one line", () => {
    const line = formatLogLine("json", { time, instance: "i", message: "first\nsecond" });
    expect(line).not.toContain("\n");
    expect(JSON.parse(line).message).toBe("first\nsecond");
  });
});

describe("createLog", () => {
  it("writes each line through its sink, with the fixed fields of withFields", () => {
    const lines: string[] = [];
    const log = createLog({ format: "json", instance: "agent:7", write: (l) => lines.push(l), now: () => time });
    withFields(log, { node: "db-2" })("push failed", { level: "warn" });
    expect(JSON.parse(lines[0]!)).toEqual({
      time: "2026-11-21T10:00:00.000Z",
      level: "warn",
      message: "push failed",
      instance: "agent:7",
      node: "db-2",
    });
  });
});
