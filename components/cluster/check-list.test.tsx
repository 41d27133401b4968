import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { NodeDetail } from "@/server/fleet/cluster-detail";
import { CheckList } from "./check-list";
import { checksStaleSince, isDegraded } from "./node-health";

const checks: NodeDetail["checks"] = [
  { layer: "application", name: "sql", ok: true, latencyMs: 2 },
  { layer: "network", name: "tcp", ok: false },
];

describe("CheckList", () => {
  it("shows fresh checks as passed or failed", () => {
    const html = renderToStaticMarkup(<CheckList checks={checks} compact />);
    expect(html).toContain('class="check-ok"');
    expect(html).toContain("✓");
    expect(html).toContain(" failed");
    expect(html).not.toContain("stale");
  });

  it("shows a down node's checks greyed as stale since its last answer, never its last tick", () => {
    const at = new Date("2026-11-21T10:00:00Z");
    const html = renderToStaticMarkup(<CheckList checks={checks} compact staleSince={at} />);
    expect(html).toContain("stale since <time");
    expect(html).toContain('dateTime="2026-11-21T10:00:00.000Z"');
    expect(html).not.toContain("✓");
    expect(html).not.toContain("check-ok");
    expect(html).toContain("last reported passed");
    expect(renderToStaticMarkup(<CheckList checks={checks} staleSince={null} />)).toContain(
      "stale since its first report",
    );
  });
});

describe("node health", () => {
  const node = { state: "HEALTHY" as const, degraded: false, checks, lastSeenAt: new Date(0) };

  it("calls a node degraded when it answers but a check fails or detection says so", () => {
    expect(isDegraded(node)).toBe(true);
    expect(isDegraded({ ...node, checks: [checks[0]!] })).toBe(false);
    expect(isDegraded({ ...node, checks: [checks[0]!], degraded: true })).toBe(true);
    expect(isDegraded({ ...node, state: "DOWN" })).toBe(false);
  });

  it("makes a down node's checks stale since it was last seen", () => {
    expect(checksStaleSince(node)).toBeUndefined();
    expect(checksStaleSince({ ...node, state: "DOWN" })).toEqual(new Date(0));
    expect(checksStaleSince({ ...node, state: "DOWN", lastSeenAt: null })).toBeNull();
  });
});
