import { describe, expect, it } from "vitest";
import { auditFilters, auditHref } from "./audit-query";

describe("the audit page's URL", () => {
  it("keeps words and instants, and drops empty or unreadable ones", () => {
    const params = new URLSearchParams("actor=ops&cluster=&since=2026-03-01T10:00:00Z&until=yesterday&x=1");
    expect(auditFilters(params)).toEqual({ actor: "ops", since: "2026-03-01T10:00:00.000Z" });
    expect(auditFilters({ action: ["action.", "plan."], q: "  crash " })).toEqual({ action: "action.", q: "crash" });
  });

  it("writes the filters back as a link that reads the same", () => {
    expect(auditHref({})).toBe("/audit");
    const filters = { cluster: "orders db", action: "action.", since: "2026-03-01T10:00:00.000Z" };
    const href = auditHref(filters);
    expect(href).toBe("/audit?cluster=orders+db&action=action.&since=2026-03-01T10%3A00%3A00.000Z");
    expect(auditFilters(new URL(`http://x${href}`).searchParams)).toEqual(filters);
  });
});
