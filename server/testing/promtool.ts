// Prometheus's own checker, `promtool` (Debian package `prometheus`, which .ci/run installs): the
// tests hand it what the console and the agents serve, and the contrib alert rules. A missing
// binary fails the test rather than skipping it.
import { spawnSync } from "node:child_process";

export function promtool(args: string[], input?: string): { code: number | null; output: string } {
  const run = spawnSync("promtool", args, { input, encoding: "utf8", timeout: 30_000 });
  if (run.error) throw run.error;
  return { code: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

/** The value of one series in an exposition, by its name and labels as written; undefined when absent. */
export function seriesValue(exposition: string, series: string): number | undefined {
  const line = exposition.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
