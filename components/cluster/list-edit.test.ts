import { describe, expect, it } from "vitest";
import { moved, namedError, sameItems } from "./list-edit";

describe("editing an ordered list before it is saved", () => {
  it("moves an item one place up or down, and leaves the ends as they are", () => {
    expect(moved(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("does not change the list it was given", () => {
    const list = ["a", "b"];
    moved(list, 0, 1);
    expect(list).toEqual(["a", "b"]);
  });

  it("tells a changed order or item from the same list", () => {
    expect(sameItems([{ name: "a" }, { name: "b" }], [{ name: "a" }, { name: "b" }])).toBe(true);
    expect(sameItems([{ name: "a" }, { name: "b" }], [{ name: "b" }, { name: "a" }])).toBe(false);
    expect(sameItems([{ name: "a" }], [])).toBe(false);
  });

  it("names the item a server error points at by its index", () => {
    const names = ["pause-app", "notify-ci"];
    expect(namedError("hooks.1.url: url must be an http(s) URL", "hooks", names)).toBe(
      "url of notify-ci: url must be an http(s) URL",
    );
    expect(namedError("routes.0.key.secret: a new DNS route needs it", "routes", ["dns-write"])).toBe(
      "key.secret of dns-write: a new DNS route needs it",
    );
  });

  it("leaves an error about no one item, or an unknown one, as the server said it", () => {
    expect(namedError("hooks: hook names are unique in a cluster", "hooks", ["a"])).toBe(
      "hooks: hook names are unique in a cluster",
    );
    expect(namedError("hooks.5.url: bad", "hooks", ["a"])).toBe("hooks.5.url: bad");
    expect(namedError("addresses.db-1: give host:port", "routes", ["a"])).toBe("addresses.db-1: give host:port");
  });
});
