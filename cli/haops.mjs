#!/usr/bin/env node
// The package's bin: `haops` runs cli/main.ts through tsx, as the console's own scripts run.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2), process);
