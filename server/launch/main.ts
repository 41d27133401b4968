// `npm start`: the console with its embedded PostgreSQL (or DATABASE_URL), stopped cleanly by
// Ctrl-C or SIGTERM at any moment, start-up included.
import { createLog, type Log } from "../../lib/log.ts";
import { readLaunchConfig } from "./config.ts";
import { launch, type RunningConsole } from "./launch.ts";

const abort = new AbortController();
let running: RunningConsole | undefined;
let stopping = false;
// Text until the configuration says otherwise: a configuration that cannot be read is said to a person.
let log: Log = createLog({ format: "text", instance: "" });

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  abort.abort(new Error("Stopped during start-up."));
  if (!running) return; // launch() is unwinding what it started; main() exits after it.
  log("Stopping the console …");
  await running.stop();
  log("Stopped.");
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  const config = readLaunchConfig(process.env);
  log = createLog({ format: config.logFormat, instance: config.instanceId });
  running = await launch(config, abort.signal, log);
  if (stopping) {
    await running.stop();
    process.exit(0);
  }
  const code = await running.exited;
  if (!stopping) {
    log(`The web server exited on its own (code ${code}).`, { level: "error" });
    await shutdown(code === 0 ? 1 : code);
  }
}

main().catch((error: unknown) => {
  if (stopping) {
    log("Stopped.");
    process.exit(0);
  }
  log(error instanceof Error ? error.message : String(error), { level: "error" });
  process.exit(1);
});
