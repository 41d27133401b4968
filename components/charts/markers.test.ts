import { describe, expect, it } from "vitest";
import type { ChartMarker } from "@/server/fleet/chart-markers";
import { labelledMarkers } from "./markers";

const marker = (at: number, kind: ChartMarker["kind"] = "failover"): ChartMarker => ({
  at,
  kind,
  label: kind,
  href: "/",
});

describe("labelledMarkers", () => {
  it("labels markers far enough apart, and only the first of two that would overlap", () => {
    const [a, b, c] = [marker(100), marker(105, "down"), marker(600, "drill")];
    expect(labelledMarkers([c!, b!, a!], 0, 1000)).toEqual(new Set([a, c]));
  });

  it("labels none outside the chart's span", () => {
    expect(labelledMarkers([marker(-5), marker(1001)], 0, 1000).size).toBe(0);
  });
});
