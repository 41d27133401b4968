import { describe, expect, it } from "vitest";
import { missingThing } from "./missing-thing";

describe("missingThing", () => {
  it("names the kind of thing an address asks for", () => {
    expect(missingThing("/clusters/nope")).toBe("cluster nope");
    expect(missingThing("/clusters/orders%20db")).toBe("cluster orders db");
    expect(missingThing("/actions/abc")).toBe("action abc");
    expect(missingThing("/drills/42")).toBe("drill 42");
    expect(missingThing("/settings/webhooks/w1")).toBe("webhook endpoint w1");
  });

  it("falls back to the path for anything else", () => {
    expect(missingThing("/no-such-page")).toBe("page at /no-such-page");
    expect(missingThing("/clusters/a/b")).toBe("page at /clusters/a/b");
    expect(missingThing("/clusters/%E0%A4%A")).toBe("cluster %E0%A4%A");
  });
});
