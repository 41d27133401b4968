// A configuration file read for the agent: every problem, each named by its field, so that
// `--check-config FILE` and a start that refuses the file say all that is wrong at once.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { type AgentConfig, configProblems, configSchema } from "./config.ts";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The configuration, or the problems of the file. */
export function checkConfigFile(file: string): { config: AgentConfig } | { problems: string[] } {
  let document: unknown;
  try {
    document = parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { problems: [`${file}: ${message(error)}`] };
  }
  const parsed = configSchema.safeParse(document);
  return parsed.success ? { config: parsed.data } : { problems: configProblems(parsed.error, file) };
}
