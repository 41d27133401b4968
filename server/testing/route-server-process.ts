// The REST API as a console process serves it (route-server.ts), on the database DATABASE_URL names:
// a process of its own, as a deployed console is, that sends the test its URL over IPC.
import { startRouteServer } from "./route-server.ts";

const server = await startRouteServer();
process.send?.({ url: server.url });
