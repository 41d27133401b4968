// `npm run agent -- --config <file.yaml>` (or `node haops-agent.mjs --config …`): serves every node
// of the configuration until Ctrl-C or SIGTERM. `--check-config FILE` validates and exits,
// `--version` says the version, `--log-format json` writes one JSON object a line.
import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { createLog, logFormatSchema } from "../lib/log.ts";
import { checkConfigFile } from "./check-config.ts";
import { startAgents } from "./start.ts";
import { AGENT_VERSION } from "./version.ts";

const USAGE =
  "Usage: haops-agent --config <file.yaml> [--log-format text|json]\n" +
  "       haops-agent --check-config <file.yaml>\n" +
  "       haops-agent --version";

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

let values: { config?: string; "check-config"?: string; version?: boolean; "log-format"?: string };
try {
  ({ values } = parseArgs({
    options: {
      config: { type: "string", short: "c" },
      "check-config": { type: "string" },
      version: { type: "boolean" },
      "log-format": { type: "string", default: "text" },
    },
  }));
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}

if (values.version) {
  console.log(AGENT_VERSION);
  process.exit(0);
}
if (values["check-config"]) {
  const checked = checkConfigFile(values["check-config"]);
  if ("problems" in checked) {
    for (const problem of checked.problems) console.error(problem);
    process.exit(2);
  }
  const nodes = checked.config.nodes.map((node) => node.name);
  console.log(`${values["check-config"]}: valid, ${nodes.length} nodes (${nodes.join(", ")})`);
  process.exit(0);
}
const format = logFormatSchema.safeParse(values["log-format"]);
if (!format.success) usage("--log-format must be text or json");
if (!values.config) usage("--config is required");

const log = createLog({ format: format.data, instance: `${hostname()}:${process.pid}` });
const checked = checkConfigFile(values.config);
if ("problems" in checked) {
  // Exit 2, as for a wrong command line: starting again would not mend it (the unit does not).
  for (const problem of checked.problems) log(problem, { level: "error" });
  process.exit(2);
}
try {
  const { config } = checked;
  const agents = await startAgents(config, log);
  for (const [node, url] of Object.entries(agents.urls)) log(`agent for ${node} on ${url}`, { node });
  log(`serving ${config.nodes.length} nodes`);
  const shutdown = async () => {
    await agents.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
} catch (error) {
  log(error instanceof Error ? error.message : String(error), { level: "error" });
  process.exit(1);
}
