// The console as the browser suite sees it: the production build on 127.0.0.1, with its own
// embedded PostgreSQL and demo fleet in a temp folder that is removed when the suite stops it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readLaunchConfig } from "../server/launch/config.ts";
import { launch, type RunningConsole } from "../server/launch/launch.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "ha-console-e2e-"));
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
