// The log of the launcher, the control loop and the agent: the message alone as text (what people
// read in a terminal), or one JSON object a line with its level, instance and the cluster, node,
// action or drill it is about (what log shippers read). Standard output and error are the sinks:
// the process's supervisor (systemd, a container runtime) keeps them; errors go to stderr.
import { z } from "zod";

export const logFormatSchema = z.enum(["text", "json"]);
export type LogFormat = z.infer<typeof logFormatSchema>;

export type LogLevel = "info" | "warn" | "error";

/** What a line is about, where its writer knows it; `level` is info unless said. */
export interface LogFields {
  level?: LogLevel;
  cluster?: string;
  node?: string;
  action?: string;
  drill?: string;
}

/** A `(line: string) => void` passed around before there were fields still fits. */
export type Log = (message: string, fields?: LogFields) => void;

const SUBJECTS = ["cluster", "node", "action", "drill"] as const;

export function formatLogLine(
  format: LogFormat,
  entry: { time: Date; instance: string; message: string; fields?: LogFields },
): string {
  if (format === "text") return entry.message;
  const fields = entry.fields ?? {};
  const line: Record<string, string> = {
    time: entry.time.toISOString(),
    level: fields.level ?? "info",
    message: entry.message,
    instance: entry.instance,
  };
  for (const key of SUBJECTS) {
    const value = fields[key];
    if (value !== undefined) line[key] = value;
  }
  return JSON.stringify(line);
}

export function createLog(opts: {
  format: LogFormat;
  instance: string;
  write?: (line: string, level: LogLevel) => void;
  now?: () => Date;
}): Log {
  const write = opts.write ?? ((line, level) => (level === "error" ? console.error(line) : console.log(line)));
  const now = opts.now ?? (() => new Date());
  return (message, fields) =>
    write(
      formatLogLine(opts.format, { time: now(), instance: opts.instance, message, fields }),
      fields?.level ?? "info",
    );
}

/** The same log with fields every line of it has (the node an agent serves). */
export const withFields =
  (log: Log, fixed: LogFields): Log =>
  (message, fields) =>
    log(message, { ...fixed, ...fields });
