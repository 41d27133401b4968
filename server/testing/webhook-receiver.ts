// A webhook receiver on 127.0.0.1 that verifies every delivery with the `standardwebhooks`
// library and keeps the ones it accepted; the test sets the status it answers with.
import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";
import { freePort } from "../db/free-port.ts";

export interface Received {
  id: string;
  payload: { type: string; data: { summary: string; cluster: string | null; link: string } };
}

export interface Receiver {
  port: number;
  received: Received[];
  answer: number;
  close: () => void;
}

export async function startReceiver(secret: () => string): Promise<Receiver> {
  const port = await freePort();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    try {
      const headers = req.headers as Record<string, string>;
      const payload = new Webhook(secret()).verify(body, headers) as Received["payload"];
      if (receiver.answer >= 200 && receiver.answer < 300)
        receiver.received.push({ id: String(req.headers["webhook-id"]), payload });
      res.writeHead(receiver.answer).end("ok");
    } catch (error) {
      res.writeHead(400).end(String(error));
    }
  });
  const receiver: Receiver = { port, received: [], answer: 200, close: () => server.close() };
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return receiver;
}
