// The console as the browser suite sees it: the production build on 127.0.0.1, with its own
// embedded PostgreSQL and demo fleet in a temp folder that is removed when the suite stops it.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readLaunchConfig } from "../server/launch/config.ts";
import { launch, type RunningConsole } from "../server/launch/launch.ts";

// E2E_DATA_DIR lets specs read the console's files (the demo agents' configuration).
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "ha-console-e2e-"));
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const abort = new AbortController();
let running: RunningConsole | undefined;

async function stop() {
  abort.abort();
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

try {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  running = await launch(readLaunchConfig({ ...env, CONSOLE_DATA_DIR: dataDir, HOST: "127.0.0.1" }), abort.signal);
} catch (error) {
  console.error(error);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}
