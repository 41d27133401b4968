// `npm run agent -- --config <file.yaml>`: serves every node of the configuration until
// Ctrl-C or SIGTERM.
import { parseArgs } from "node:util";
import { loadConfig } from "./config.ts";
import { startAgents } from "./start.ts";

const { values } = parseArgs({ options: { config: { type: "string", short: "c" } } });
if (!values.config) {
  console.error("Usage: npm run agent -- --config <file.yaml>");
  process.exit(2);
}

try {
  const config = loadConfig(values.config);
  const agents = await startAgents(config);
  for (const [node, url] of Object.entries(agents.urls)) console.log(`agent for ${node} on ${url}`);
  console.log(`serving ${config.nodes.length} nodes`);
  const shutdown = async () => {
    await agents.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
