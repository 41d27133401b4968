import { describe, expect, it } from "vitest";
import { returnTo, signInFor } from "./return-to";

describe("where sign-in returns to", () => {
  it("keeps a console path with its query", () => {
    expect(returnTo("/clusters/orders-db?node=orders-db-2&range=24h")).toBe(
      "/clusters/orders-db?node=orders-db-2&range=24h",
    );
    expect(signInFor("/clusters/orders-db")).toBe("/sign-in?next=%2Fclusters%2Forders-db");
  });

  it.each([
    null,
    "",
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "/a\nb",
    "javascript:alert(1)",
    "/sign-in?next=/x",
    "/".repeat(2_001),
  ])("sends %j home", (asked) => expect(returnTo(asked)).toBe("/"));

  it("does not send the home page through sign-in's query", () => expect(signInFor("/")).toBe("/sign-in"));
});
