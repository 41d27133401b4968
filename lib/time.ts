// Points in time, said one way on every page: absolute times carry the date and the reader's time
// zone ("2 Dec 2026, 13:07:40 CET"), and every time shows UTC on hover, the zone people compare
// notes in during an incident.
const ABSOLUTE: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
};

/** The date, time and zone in the reader's zone, or in `timeZone` when given. */
export function absoluteTime(at: Date | string | number, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { ...ABSOLUTE, timeZone }).format(new Date(at));
}

/** The same moment in UTC, ISO-like so it sorts and pastes cleanly: "2026-12-02 12:07:40 UTC". */
export function utcTime(at: Date | string | number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** What a time shows on hover: the absolute time in the reader's zone and in UTC. */
export function timeTitle(at: Date | string | number): string {
  return `${absoluteTime(at)} · ${utcTime(at)}`;
}
