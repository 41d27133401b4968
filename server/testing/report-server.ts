// The agents' report endpoint as the web server runs it, over real HTTP on 127.0.0.1, for tests and
// the real rig that run the control loop without Next.js.
import { createServer } from "node:http";
import { receiveReport } from "../agents/report.ts";
import type { Db } from "../db/client.ts";
import { freePort } from "../db/free-port.ts";

export interface ReportServer {
  url: string;
  stop(): Promise<void>;
}

export async function startReportServer(db: () => Db): Promise<ReportServer> {
  const port = await freePort();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = req.headers as Record<string, string>;
    const response = await receiveReport(
      db(),
      new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }),
    );
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/api/agent/v1/report`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}
