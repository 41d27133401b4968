import { describe, expect, it } from "vitest";
import { count, FLOAT4_MIN_NORMAL, INT4_MAX, MAX_LAG_BYTES, real, safeText } from "./protocol-limits.ts";

const BIGINT_MAX = 2n ** 63n - 1n;

describe("safeText", () => {
  const text = safeText(20);

  it("accepts ordinary text, including characters outside the BMP", () => {
    for (const ok of ["", "select 1", "zürich – ok", "lag \u{1F680}", "tab\tnewline\n"]) {
      expect(text.safeParse(ok).success, ok).toBe(true);
    }
  });

  it("refuses a NUL and lone UTF-16 surrogates, which PostgreSQL cannot keep", () => {
    for (const bad of ["a\u0000b", "\u0000", "a\uD83Db", "a\uDE80", "\uDE80\uD83D", "end\uD83D"]) {
      const result = text.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("contains a NUL character or a lone UTF-16 surrogate");
    }
  });

  it("still bounds the length", () => {
    expect(text.safeParse("x".repeat(21)).success).toBe(false);
  });
});

describe("real (float4 columns)", () => {
  const figure = real(1_000);

  it("accepts zero, float4's smallest normal value and the maximum", () => {
    for (const ok of [0, FLOAT4_MIN_NORMAL, 0.001, 1_000]) expect(figure.safeParse(ok).success).toBe(true);
  });

  it("refuses what float4 cannot keep or what is out of range", () => {
    for (const bad of [1e-50, 1e-40, -1, 1_000.5, 1e39, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(figure.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(figure.safeParse(1e39).error?.issues[0]?.message).toBe("out of range (0 to 1000)");
  });
});

describe("count (integer columns)", () => {
  it("accepts whole numbers up to the bound and nothing else", () => {
    const connections = count(INT4_MAX);
    expect(connections.safeParse(INT4_MAX).success).toBe(true);
    for (const bad of [INT4_MAX + 1, 3e9, -1, 1.5]) expect(connections.safeParse(bad).success, String(bad)).toBe(false);
  });

  it("bounds lag bytes where JS integers are exact and bigint still holds them", () => {
    const printed = JSON.stringify(MAX_LAG_BYTES);
    expect(printed).toMatch(/^\d+$/);
    expect(BigInt(printed)).toBeLessThanOrEqual(BIGINT_MAX);
    expect(Number.isSafeInteger(MAX_LAG_BYTES)).toBe(true);
    // The bigint bound itself is no bound for JS: 2^63-1 prints as a number bigint refuses.
    expect(BigInt(JSON.stringify(Number(BIGINT_MAX)))).toBeGreaterThan(BIGINT_MAX);
    expect(count(MAX_LAG_BYTES).safeParse(1e19).success).toBe(false);
  });
});
