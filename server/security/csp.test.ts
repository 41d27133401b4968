import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp.ts";

describe("content security policy", () => {
  it("allows scripts only by nonce, never eval in production, and forbids framing", () => {
    const policy = contentSecurityPolicy("abc123", false);
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("lets the development server use eval for hot reloading", () => {
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });
});
