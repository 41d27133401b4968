// GET /api/health/live as the web server runs it, over real HTTP, in a process started with an IPC
// channel as `npm start` starts Next.js: it listens for the control loop's pulses as instrumentation
// does and sends the test its port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as liveRoute from "../../app/api/health/live/route.ts";
import { controlPulses } from "../health/live.ts";

controlPulses().listen(process);
const server = createServer(async (_request, response) => {
  const answer = liveRoute.GET();
  response.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
});
server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));
