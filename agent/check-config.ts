// `--check-config FILE`: every problem of a configuration file, named by its field, without
// starting anything (for configuration management and a unit's ExecStartPre).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { configSchema } from "./config.ts";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The problems of the file (empty when it is valid) and, when valid, the nodes it serves. */
export function checkConfigFile(file: string): { problems: string[]; nodes: string[] } {
  let document: unknown;
  try {
    document = parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { problems: [`${file}: ${message(error)}`], nodes: [] };
  }
  const parsed = configSchema.safeParse(document);
  if (parsed.success) return { problems: [], nodes: parsed.data.nodes.map((node) => node.name) };
  const problems = parsed.error.issues.map(
    (issue) => `${file}: ${issue.path.join(".") || "(document)"}: ${issue.message}`,
  );
  return { problems, nodes: [] };
}
