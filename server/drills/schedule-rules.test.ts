import { describe, expect, it } from "vitest";
import {
  blockedAt,
  blockedWindowSchema,
  CronError,
  cronExpressionSchema,
  describeCron,
  nextRun,
  parseCron,
  type BlockedWindow,
} from "./schedule-rules.ts";

// 2026-01-15 is a Thursday.
const next = (expr: string, after: string, blocked: BlockedWindow[] = []) =>
  nextRun(parseCron(expr), new Date(after), blocked)?.toISOString() ?? null;

describe("parseCron", () => {
  it.each([
    ["0 3 *", "expected 5 fields (minute hour day-of-month month day-of-week), got 3"],
    ["", "expected 5 fields (minute hour day-of-month month day-of-week), got 0"],
    ["0 24 * * *", "hour: 24 is out of range 0-23"],
    ["60 * * * *", "minute: 60 is out of range 0-59"],
    ["0 0 0 * *", "day-of-month: 0 is out of range 1-31"],
    ["0 0 * 13 *", "month: 13 is out of range 1-12"],
    ["0 0 * * 8", "day-of-week: 8 is out of range 0-7"],
    ["0 0 * FOO *", 'month: "FOO" is not a number or a name like FEB'],
    ["x * * * *", 'minute: "x" is not a number'],
    ["0 5-1 * * *", "hour: range 5-1 goes backwards"],
    ["*/0 * * * *", 'minute: step "0" must be a whole number of at least 1'],
    ["5/15 * * * *", 'minute: "5/15": a step needs * or a range before it, as in */15 or 10-50/10'],
    ["0 1,,2 * * *", 'hour: empty item in list "1,,2"'],
    ["0 1- * * *", 'hour: "1-" is missing a number'],
    ["0 0 30 2 *", "day-of-month: 30 never occurs in FEB"],
    ["@yearly", "unknown macro @yearly; use @hourly, @daily, @weekly or @monthly"],
  ])("refuses %j", (expr, message) => {
    expect(() => parseCron(expr)).toThrow(CronError);
    expect(() => parseCron(expr)).toThrow(message);
  });

  it("reads lists, ranges, steps, names in any case, and 7 as Sunday", () => {
    expect(parseCron("10-50/20 */6 1,15 jan-Mar,DEC mon-fri")).toMatchObject({
      minute: [10, 30, 50],
      hour: [0, 6, 12, 18],
      dayOfMonth: [1, 15],
      month: [1, 2, 3, 12],
      dayOfWeek: [1, 2, 3, 4, 5],
    });
    expect(parseCron("0 0 * * 5-7").dayOfWeek).toEqual([0, 5, 6]);
    expect(parseCron(" @Monthly ")).toEqual(parseCron("0 0 1 * *"));
  });

  it("lets a restricted day-of-week rescue a day-of-month that alone would never run", () => {
    expect(parseCron("0 0 30 2 MON").dayOfMonth).toEqual([30]);
  });
});

describe("nextRun", () => {
  it("runs every minute, strictly after the given time", () => {
    expect(next("* * * * *", "2026-01-15T10:20:30Z")).toBe("2026-01-15T10:21:00.000Z");
    expect(next("* * * * *", "2026-01-15T10:21:00Z")).toBe("2026-01-15T10:22:00.000Z");
  });

  it("runs hourly, across midnight and the year's end", () => {
    expect(next("@hourly", "2026-01-15T10:20:00Z")).toBe("2026-01-15T11:00:00.000Z");
    expect(next("@hourly", "2026-12-31T23:00:00Z")).toBe("2027-01-01T00:00:00.000Z");
  });

  it("runs monthly", () => {
    expect(next("30 2 1 * *", "2026-01-15T10:00:00Z")).toBe("2026-02-01T02:30:00.000Z");
    expect(next("@monthly", "2026-12-31T23:59:00Z")).toBe("2027-01-01T00:00:00.000Z");
    expect(next("0 0 31 * *", "2026-04-01T00:00:00Z")).toBe("2026-05-31T00:00:00.000Z");
  });

  it("follows a list of weekdays", () => {
    expect(next("0 9 * * MON,WED,FRI", "2026-01-15T10:00:00Z")).toBe("2026-01-16T09:00:00.000Z");
    expect(next("0 9 * * MON,WED,FRI", "2026-01-16T09:00:00Z")).toBe("2026-01-19T09:00:00.000Z");
  });

  it("finds the next 29 February, and none when it is more than two years away", () => {
    expect(next("0 0 29 2 *", "2026-03-01T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
    expect(next("0 0 29 2 *", "2025-03-01T00:00:00Z")).toBeNull();
  });

  it("runs on a day matching either day field when both are restricted, as cron does", () => {
    expect(next("0 0 13 * FRI", "2026-01-17T00:00:00Z")).toBe("2026-01-23T00:00:00.000Z");
    expect(next("0 0 14 * FRI", "2026-02-13T01:00:00Z")).toBe("2026-02-14T00:00:00.000Z");
    expect(next("0 0 13 * *", "2026-01-17T00:00:00Z")).toBe("2026-02-13T00:00:00.000Z");
    // A field starting with "*" counts as unrestricted, so here both must match: an odd-dated Monday.
    expect(next("0 0 */2 * MON", "2026-01-15T00:00:00Z")).toBe("2026-01-19T00:00:00.000Z");
  });

  it("reads month and day names, and 7 as Sunday", () => {
    expect(next("0 0 1 jun,Dec *", "2026-01-15T00:00:00Z")).toBe("2026-06-01T00:00:00.000Z");
    expect(next("0 0 1 jun,Dec *", "2026-06-01T00:00:00Z")).toBe("2026-12-01T00:00:00.000Z");
    for (const sunday of ["7", "0", "sun", "SUN"])
      expect(next(`0 12 * * ${sunday}`, "2026-01-15T00:00:00Z")).toBe("2026-01-18T12:00:00.000Z");
  });

  it("follows steps", () => {
    expect(next("*/15 * * * *", "2026-01-15T10:20:30Z")).toBe("2026-01-15T10:30:00.000Z");
    expect(next("10-50/20 * * * *", "2026-01-15T10:50:00Z")).toBe("2026-01-15T11:10:00.000Z");
    expect(next("0 */6 * * *", "2026-01-15T19:00:00Z")).toBe("2026-01-16T00:00:00.000Z");
  });

  it("skips blocked windows, whose end is exclusive", () => {
    const freeze = { from: "2026-01-16T00:00:00Z", to: "2026-01-20T03:00:00Z", reason: "release freeze" };
    expect(next("0 3 * * *", "2026-01-15T10:00:00Z", [freeze])).toBe("2026-01-20T03:00:00.000Z");
    expect(next("0 3 * * *", "2026-01-15T10:00:00Z", [{ ...freeze, to: "2026-01-20T03:00:30Z" }])).toBe(
      "2026-01-21T03:00:00.000Z",
    );
    const chained = [freeze, { from: "2026-01-20T05:00:00+02:00", to: "2026-01-22T00:00:00Z" }];
    expect(next("0 3 * * *", "2026-01-15T10:00:00Z", chained)).toBe("2026-01-22T03:00:00.000Z");
  });

  it("returns null when every run within two years is blocked", () => {
    const blocked = [{ from: "2026-01-01T00:00:00Z", to: "2029-01-01T00:00:00Z" }];
    expect(next("* * * * *", "2026-01-15T00:00:00Z", blocked)).toBeNull();
  });
});

describe("blockedAt", () => {
  it("names the window a time falls in", () => {
    const holiday = { from: "2026-12-24T00:00:00Z", to: "2026-12-27T00:00:00Z", reason: "holidays" };
    expect(blockedAt(new Date("2026-12-24T00:00:00Z"), [holiday])).toBe(holiday);
    expect(blockedAt(new Date("2026-12-27T00:00:00Z"), [holiday])).toBeNull();
    expect(blockedAt(new Date("2026-12-23T23:59:59Z"), [holiday])).toBeNull();
  });
});

describe("schemas", () => {
  it("reports the cron error for an expression", () => {
    expect(cronExpressionSchema.parse(" @daily ")).toBe("@daily");
    const result = cronExpressionSchema.safeParse("0 24 * * *");
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["hour: 24 is out of range 0-23"]);
  });

  it("wants ISO datetimes with an offset, from before to", () => {
    expect(
      blockedWindowSchema.safeParse({ from: "2026-12-24T00:00:00+01:00", to: "2026-12-27T00:00:00Z" }).success,
    ).toBe(true);
    const local = blockedWindowSchema.safeParse({ from: "2026-12-24T00:00:00", to: "2026-12-27" });
    expect(local.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["from"], "from must be an ISO datetime with an offset, e.g. 2026-12-24T00:00:00Z"],
      [["to"], "to must be an ISO datetime with an offset, e.g. 2026-12-24T00:00:00Z"],
    ]);
    const backwards = blockedWindowSchema.safeParse({ from: "2026-12-27T00:00:00Z", to: "2026-12-27T01:00:00+02:00" });
    expect(backwards.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["to"], "to must be after from"],
    ]);
  });
});

describe("describeCron", () => {
  it.each([
    ["0 3 * * *", "every day at 03:00 UTC"],
    ["@daily", "every day at 00:00 UTC"],
    ["30 2 1 * *", "on day 1 of every month at 02:30 UTC"],
    ["0 * * * *", "at minute 0 of every hour"],
    ["0 0 * * 0", "every Sunday at 00:00 UTC"],
    ["15 9 * * MON,WED,FRI", "every Monday, Wednesday and Friday at 09:15 UTC"],
    ["*/15 * * * *", "*/15 * * * *"],
    ["0 3 1 JAN *", "0 3 1 JAN *"],
    ["0 0 13 * FRI", "0 0 13 * FRI"],
    ["not cron", "not cron"],
  ])("reads %j as %j", (expr, reading) => {
    expect(describeCron(expr)).toBe(reading);
  });
});
