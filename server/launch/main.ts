// `npm start`: the console with its embedded PostgreSQL (or DATABASE_URL), stopped cleanly by
// Ctrl-C or SIGTERM at any moment, start-up included.
import { readLaunchConfig } from "./config.ts";
import { launch, type RunningConsole } from "./launch.ts";

const abort = new AbortController();
let running: RunningConsole | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  abort.abort(new Error("Stopped during start-up."));
  if (!running) return; // launch() is unwinding what it started; main() exits after it.
  console.log("Stopping the console …");
  await running.stop();
  console.log("Stopped.");
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  running = await launch(readLaunchConfig(process.env), abort.signal);
  if (stopping) {
    await running.stop();
    process.exit(0);
  }
  const code = await running.exited;
  if (!stopping) {
    console.error(`The web server exited on its own (code ${code}).`);
    await shutdown(code === 0 ? 1 : code);
  }
}

main().catch((error: unknown) => {
  if (stopping) {
    console.log("Stopped.");
    process.exit(0);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
