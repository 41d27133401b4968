// Preload for every Node process that runs the console's server code outside Next.js (`npm start`,
// `npm run control`, the admin CLI, the bench, real drills, the browser suite's console):
// `node --import tsx --import ./server/runtime/server-condition.ts <main>`. Such a process is a
// server, so `server-only` must let it through as Next.js does for server code; Node's own
// `--conditions=react-server` would do that too, but would also hand React its server build.
import { register } from "node:module";

register("./server-condition-hooks.ts", import.meta.url);
