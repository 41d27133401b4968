import { describe, expect, it } from "vitest";
import { unsafeJsonField, unsafeUrlField } from "./unsafe-text.ts";

describe("unsafeJsonField", () => {
  it("names the first key path holding a NUL or a lone surrogate", () => {
    expect(unsafeJsonField({ email: "a\u0000@example.com", password: "x" })).toBe("email");
    expect(unsafeJsonField({ user: { names: ["ok", "bad\uD800"] } })).toBe("user.names.1");
    expect(unsafeJsonField({ "k\u0000": 1 })).toBe("(key)");
    expect(unsafeJsonField("\uDC00")).toBe("(body)");
  });

  it("passes ordinary values", () => {
    expect(unsafeJsonField({ email: "ops@example.com", n: 1, ok: true, none: null, emoji: "\u{1F680}" })).toBeNull();
    expect(unsafeJsonField(null)).toBeNull();
  });
});

describe("unsafeUrlField", () => {
  it("names the query parameter, or the path, that decodes to unsafe text", () => {
    expect(unsafeUrlField(new URL("http://x/api/auth/get-session?token=%00"))).toBe("token");
    expect(unsafeUrlField(new URL("http://x/api/auth/reset-password/%00"))).toBe("(path)");
    expect(unsafeUrlField(new URL("http://x/api/auth/reset-password/%E0%A4%A"))).toBe("(url)");
    expect(unsafeUrlField(new URL("http://x/api/auth/get-session?x=%ED%A0%80"))).toBeNull();
    expect(unsafeUrlField(new URL("http://x/api/auth/get-session?q=ok"))).toBeNull();
  });
});
