// When a scheduled drill may start: a five-field cron expression read in UTC (as crontab(5)),
// minus blocked windows (freezes, holidays). Pure: callers pass the time, so tests need no clock.
import { z } from "zod";
import { isoDateTime, safeText } from "../security/safe-input.ts";

export class CronError extends Error {
  override name = "CronError";
}

/** Allowed values per field, sorted; months 1-12, days of week 0-6 with Sunday = 0. */
export interface CronSpec {
  minute: readonly number[];
  hour: readonly number[];
  dayOfMonth: readonly number[];
  month: readonly number[];
  dayOfWeek: readonly number[];
  /** Written other than `*`: when both day fields are, a day matching either one runs. */
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

/** A span in which no drill may start; ISO datetimes, `to` exclusive. */
export type BlockedWindow = { from: string; to: string; reason?: string };

interface Field {
  name: string;
  min: number;
  max: number;
  /** names[i] stands for min + i. */
  names?: readonly string[];
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MINUTE: Field = { name: "minute", min: 0, max: 59 };
const HOUR: Field = { name: "hour", min: 0, max: 23 };
const DAY_OF_MONTH: Field = { name: "day-of-month", min: 1, max: 31 };
const MONTH: Field = { name: "month", min: 1, max: 12, names: MONTHS };
// 7 is accepted as Sunday too, as in Vixie cron.
const DAY_OF_WEEK: Field = { name: "day-of-week", min: 0, max: 7, names: DAYS };
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MACROS: Record<string, string> = {
  "@hourly": "0 * * * *",
  "@daily": "0 0 * * *",
  "@weekly": "0 0 * * 0",
  "@monthly": "0 0 1 * *",
};

const MINUTE_MS = 60_000;
const HORIZON_MS = 2 * 366 * 24 * 60 * MINUTE_MS;

const fieldError = (field: Field, problem: string) => new CronError(`${field.name}: ${problem}`);

function parseValue(text: string, field: Field, item: string): number {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return field.min + named;
  if (text === "") throw fieldError(field, `"${item}" is missing a number`);
  if (!/^\d+$/.test(text))
    throw fieldError(field, `"${text}" is not a number${field.names ? ` or a name like ${field.names[1]}` : ""}`);
  const value = Number(text);
  if (value < field.min || value > field.max)
    throw fieldError(field, `${value} is out of range ${field.min}-${field.max}`);
  return value;
}

function parseField(text: string, field: Field): number[] {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    if (item === "") throw fieldError(field, `empty item in list "${text}"`);
    const [range = "", stepText, extra] = item.split("/");
    if (extra !== undefined) throw fieldError(field, `"${item}" has more than one step`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!/^\d+$/.test(stepText ?? "1") || step < 1)
      throw fieldError(field, `step "${stepText}" must be a whole number of at least 1`);
    let [low, high] = [field.min, field.max];
    if (range !== "*") {
      const [first = "", last, more] = range.split("-");
      if (more !== undefined) throw fieldError(field, `"${range}" is not a range`);
      // "5/15" has no agreed meaning across crons, so it is refused rather than guessed.
      if (last === undefined && stepText !== undefined)
        throw fieldError(field, `"${item}": a step needs * or a range before it, as in */15 or 10-50/10`);
      low = parseValue(first, field, item);
      high = last === undefined ? low : parseValue(last, field, item);
      if (high < low) throw fieldError(field, `range ${range} goes backwards`);
    }
    for (let value = low; value <= high; value += step) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}

export function parseCron(expr: string): CronSpec {
  const text = expr.trim();
  const expanded = text.startsWith("@") ? MACROS[text.toLowerCase()] : text;
  if (expanded === undefined) throw new CronError(`unknown macro ${text}; use @hourly, @daily, @weekly or @monthly`);
  const parts = expanded.split(/\s+/).filter(Boolean);
  if (parts.length !== 5)
    throw new CronError(`expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts as [string, string, string, string, string];
  const spec: CronSpec = {
    minute: parseField(minute, MINUTE),
    hour: parseField(hour, HOUR),
    dayOfMonth: parseField(dayOfMonth, DAY_OF_MONTH),
    month: parseField(month, MONTH),
    dayOfWeek: [...new Set(parseField(dayOfWeek, DAY_OF_WEEK).map((day) => day % 7))].sort((a, b) => a - b),
    // Vixie cron counts a field as unrestricted when it starts with "*", so "*/2" is too.
    dayOfMonthRestricted: !dayOfMonth.startsWith("*"),
    dayOfWeekRestricted: !dayOfWeek.startsWith("*"),
  };
  // Cron accepts "0 0 30 2 *" and never runs it; a schedule that can never fire is a typo worth showing.
  const firstDay = spec.dayOfMonth[0] ?? DAY_OF_MONTH.min;
  if (!spec.dayOfWeekRestricted && spec.month.every((m) => firstDay > (LONGEST_MONTH[m - 1] ?? 31))) {
    throw fieldError(DAY_OF_MONTH, `${firstDay} never occurs in ${spec.month.map((m) => MONTHS[m - 1]).join(", ")}`);
  }
  return spec;
}

function dayMatches(spec: CronSpec, day: number, weekday: number): boolean {
  const byMonth = spec.dayOfMonth.includes(day);
  const byWeek = spec.dayOfWeek.includes(weekday);
  return spec.dayOfMonthRestricted && spec.dayOfWeekRestricted ? byMonth || byWeek : byMonth && byWeek;
}

export function blockedAt(at: Date, blocked: readonly BlockedWindow[]): BlockedWindow | null {
  const t = at.getTime();
  return blocked.find((window) => Date.parse(window.from) <= t && t < Date.parse(window.to)) ?? null;
}

/** The first whole minute after `after` that matches and is not blocked; null if none within two years. */
export function nextRun(spec: CronSpec, after: Date, blocked: readonly BlockedWindow[] = []): Date | null {
  const end = after.getTime() + HORIZON_MS;
  let t = Math.floor(after.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  // Each miss jumps to the start of the next month, day or hour, so a search costs days, not minutes.
  while (t <= end) {
    const at = new Date(t);
    const [year, month, day, hour] = [at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours()];
    const minute = spec.minute.find((m) => m >= at.getUTCMinutes());
    if (!spec.month.includes(month + 1)) t = Date.UTC(year, month + 1, 1);
    else if (!dayMatches(spec, day, at.getUTCDay())) t = Date.UTC(year, month, day + 1);
    else if (!spec.hour.includes(hour) || minute === undefined) t = Date.UTC(year, month, day, hour + 1);
    else {
      t = Date.UTC(year, month, day, hour, minute);
      const window = blockedAt(new Date(t), blocked);
      if (!window) return t <= end ? new Date(t) : null;
      t = Math.ceil(Date.parse(window.to) / MINUTE_MS) * MINUTE_MS;
    }
  }
  return null;
}

export const cronExpressionSchema = safeText(200)
  .trim()
  .superRefine((expr, ctx) => {
    try {
      parseCron(expr);
    } catch (error) {
      if (!(error instanceof CronError)) throw error;
      ctx.addIssue({ code: "custom", message: error.message });
    }
  });

const isoWithOffset = (field: string) =>
  isoDateTime(`${field} must be an ISO datetime with an offset, e.g. 2026-12-24T00:00:00Z`);

export const blockedWindowSchema = z
  .object({ from: isoWithOffset("from"), to: isoWithOffset("to"), reason: safeText(200).trim().optional() })
  .refine((window) => Date.parse(window.from) < Date.parse(window.to), {
    message: "to must be after from",
    path: ["to"],
  });

const single = (values: readonly number[]) => (values.length === 1 ? values[0] : undefined);
const clock = (hour: number, minute: number) =>
  `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")} UTC`;
const listed = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");

/** A short reading for the UI; anything beyond the common shapes is shown as written. */
export function describeCron(expr: string): string {
  let spec: CronSpec;
  try {
    spec = parseCron(expr);
  } catch (error) {
    if (error instanceof CronError) return expr.trim();
    throw error;
  }
  const everyDayOfMonth = !spec.dayOfMonthRestricted && spec.dayOfMonth.length === 31;
  const everyDayOfWeek = !spec.dayOfWeekRestricted && spec.dayOfWeek.length === 7;
  const [minute, hour, dayOfMonth] = [single(spec.minute), single(spec.hour), single(spec.dayOfMonth)];
  if (spec.month.length !== 12 || minute === undefined) return expr.trim();
  if (spec.hour.length === 24 && everyDayOfMonth && everyDayOfWeek) return `at minute ${minute} of every hour`;
  if (hour === undefined) return expr.trim();
  if (everyDayOfMonth && everyDayOfWeek) return `every day at ${clock(hour, minute)}`;
  if (dayOfMonth !== undefined && everyDayOfWeek)
    return `on day ${dayOfMonth} of every month at ${clock(hour, minute)}`;
  if (everyDayOfMonth)
    return `every ${listed(spec.dayOfWeek.map((day) => DAY_NAMES[day] ?? ""))} at ${clock(hour, minute)}`;
  return expr.trim();
}
