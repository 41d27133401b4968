import { describe, expect, it } from "vitest";
import { isTyping, readKey, SEQUENCE_MS } from "./shortcuts";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("keyboard shortcuts", () => {
  it("goes to a page on g then its letter", () => {
    const g = readKey(key("g"), null, 1_000);
    expect(g).toEqual({ command: null, gSince: 1_000 });
    expect(readKey(key("x"), g.gSince, 1_500)).toEqual({ command: { kind: "go", href: "/actions" }, gSince: null });
    expect(readKey(key("c"), 10, 20).command).toEqual({ kind: "go", href: "/" });
    expect(readKey(key("a"), 10, 20).command).toEqual({ kind: "go", href: "/alerts" });
    expect(readKey(key("d"), 10, 20).command).toEqual({ kind: "go", href: "/drills" });
    expect(readKey(key("u"), 10, 20).command).toEqual({ kind: "go", href: "/audit" });
  });

  it("forgets a g after a while or after another key", () => {
    expect(readKey(key("x"), 0, SEQUENCE_MS + 1).command).toBeNull();
    expect(readKey(key("q"), 0, 10)).toEqual({ command: null, gSince: null });
    expect(readKey(key("x"), null, 10).command).toBeNull();
  });

  it("answers / and ?, and nothing with Ctrl, Cmd or Alt", () => {
    expect(readKey(key("/"), null, 0).command).toEqual({ kind: "search" });
    expect(readKey(key("?"), null, 0).command).toEqual({ kind: "help" });
    expect(readKey(key("g", { ctrlKey: true }), null, 0)).toEqual({ command: null, gSince: null });
    expect(readKey(key("x", { metaKey: true }), 0, 10).command).toBeNull();
    expect(readKey(key("/", { altKey: true }), null, 0).command).toBeNull();
  });

  it("knows when a person types in a field", () => {
    expect(isTyping({ tagName: "INPUT" } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: "TEXTAREA" } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: "SELECT" } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: "DIV", isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: "BUTTON", isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
