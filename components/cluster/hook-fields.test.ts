import { describe, expect, it } from "vitest";
import {
  argvOf,
  describeHook,
  type HookValues,
  newHookValues,
  readHook,
  secondsToMs,
  timeoutError,
} from "./hook-fields";

const values = (change: Partial<HookValues>): HookValues => ({ ...newHookValues("db-1"), ...change });

describe("the add-a-hook form", () => {
  it("reads the arguments one a line, without blank lines or the spaces around them", () => {
    expect(argvOf("/usr/local/bin/fence\n  --force \n\r\n--node=db 1\r\n")).toEqual([
      "/usr/local/bin/fence",
      "--force",
      "--node=db 1",
    ]);
    expect(argvOf(" \n")).toEqual([]);
  });

  it("reads a timeout in seconds into ms, within the limits", () => {
    expect(secondsToMs(" 2,5")).toBe(2_500);
    expect(timeoutError("0.1")).toBeUndefined();
    expect(timeoutError("120")).toBeUndefined();
    expect(timeoutError("0.05")).toBe("Timeout must be at least 100 ms.");
    expect(timeoutError("121")).toBe("Timeout must be at most 2 min.");
    expect(timeoutError(" ")).toBe("Timeout must be a number of seconds, like 2.5.");
    expect(timeoutError("soon")).toBe("Timeout must be a number of seconds, like 2.5.");
  });

  it("reads an http hook", () => {
    const read = readHook(values({ name: " notify-ci ", url: " https://ci.example.com/hook" }), []);
    expect(read).toEqual({
      ok: true,
      item: {
        name: "notify-ci",
        phase: "after_promote",
        required: true,
        timeoutMs: 10_000,
        kind: "http",
        url: "https://ci.example.com/hook",
      },
    });
  });

  it("reads a command hook with its node and arguments", () => {
    const read = readHook(
      values({ name: "fence", kind: "command", phase: "before_fence", argv: "/bin/echo\nfenced", required: false }),
      ["notify-ci"],
    );
    expect(read).toEqual({
      ok: true,
      item: {
        name: "fence",
        phase: "before_fence",
        required: false,
        timeoutMs: 10_000,
        kind: "command",
        node: "db-1",
        argv: ["/bin/echo", "fenced"],
      },
    });
  });

  it("says what is wrong with each field, in the form's order", () => {
    expect(readHook(values({ name: "Bad Name", timeout: "0" }), [])).toEqual({
      ok: false,
      errors: {
        name: "Name is lower-case letters, digits and -.",
        url: "URL is needed.",
        timeout: "Timeout must be at least 100 ms.",
      },
    });
    expect(readHook(values({ name: "fence", kind: "command", node: "", argv: "echo hi" }), ["fence"])).toEqual({
      ok: false,
      errors: {
        name: "fence is already in the list.",
        node: "Pick the node whose agent runs the command.",
        argv: "The first line is the program's absolute path (no shell runs it).",
      },
    });
    expect(readHook(values({ kind: "command" }), [])).toMatchObject({
      errors: { name: "Name is needed.", argv: "Give the program to run and its arguments, one a line." },
    });
  });

  it("says what a hook does in one line", () => {
    const common = { name: "x", phase: "after_action", required: true, timeoutMs: 1_000 } as const;
    expect(describeHook({ ...common, kind: "http", url: "https://ci.example.com/hook" })).toBe(
      "POST https://ci.example.com/hook",
    );
    expect(describeHook({ ...common, kind: "command", node: "db-2", argv: ["/bin/echo", "done"] })).toBe(
      "db-2: /bin/echo done",
    );
  });
});
