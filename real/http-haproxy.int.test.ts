// The http driver behind a real HAProxy: health by GET, traffic figures from `show stat`, and
// drain, undrain and set-weight through the runtime API.
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { HttpNode } from "../agent/drivers/http/node.ts";
import { httpSchema } from "../agent/drivers/http/config.ts";
import { perform } from "../agent/perform.ts";
import { freePort } from "../server/db/free-port.ts";
import { startHaproxy, type Haproxy } from "./haproxy.ts";

let dir: string;
let haproxy: Haproxy;
const services: Server[] = [];
let ports: number[] = [];
let node: HttpNode;

beforeAll(async () => {
  dir = mkdtempSync("/tmp/ha-http-");
  ports = [await freePort(), await freePort(), await freePort()];
  for (const port of ports.slice(0, 2)) {
    const server = createServer((_, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    services.push(server);
  }
  haproxy = startHaproxy(dir, [
    "defaults",
    "  mode http",
    "  timeout connect 500ms",
    "  timeout client 10s",
    "  timeout server 10s",
    "frontend api",
    `  bind 127.0.0.1:${ports[2]}`,
    "  default_backend api",
    "backend api",
    `  server api-1 127.0.0.1:${ports[0]} weight 100`,
    `  server api-2 127.0.0.1:${ports[1]} weight 100`,
  ]);
  const config = httpSchema.parse({
    url: `http://127.0.0.1:${ports[0]}/healthz`,
    expectBody: "ok",
    peers: [{ name: "api-2", url: `http://127.0.0.1:${ports[1]}/` }],
    haproxy: { socket: haproxy.socket, backend: "api" },
  });
  node = new HttpNode({ agentId: "api-1", name: "api-1" }, config);
});

afterAll(() => {
  haproxy?.stop();
  for (const server of services) server.close();
  rmSync(dir, { recursive: true, force: true });
});

it("reports health, peers and HAProxy's view of the server", async () => {
  await fetch(`http://127.0.0.1:${ports[2]}/`);
  const status = await node.status();
  expect(status).toMatchObject({
    role: "active",
    healthy: true,
    traffic: { weight: 100, state: "ready" },
    peers: [{ node: "api-2", reachable: true }],
  });
  expect(status.checks?.map((c) => `${c.layer}:${c.ok}`)).toEqual(["network:true", "application:true"]);
});

it("drains, sets the weight and undrains through the runtime API", async () => {
  expect(await perform(node, { id: "1", type: "drain", params: {} })).toMatchObject({ status: "done" });
  expect((await node.status()).traffic).toMatchObject({ state: "drain" });
  expect(await perform(node, { id: "2", type: "set-weight", params: { weight: 40 } })).toMatchObject({
    status: "done",
  });
  expect(await perform(node, { id: "3", type: "undrain", params: {} })).toMatchObject({ status: "done" });
  expect((await node.status()).traffic).toMatchObject({ state: "ready", weight: 40 });
  expect(await perform(node, { id: "4", type: "set-weight", params: { weight: 999 } })).toEqual({
    status: "failed",
    detail: "params.weight must be an integer from 0 to 256",
  });
  expect(await perform(node, { id: "5", type: "promote", params: {} })).toMatchObject({ status: "unsupported" });
});

it("a service that does not answer is unhealthy at the network layer", async () => {
  services[0]!.close();
  services[0]!.closeAllConnections();
  const status = await node.status();
  expect(status.healthy).toBe(false);
  expect(status.checks?.[0]).toMatchObject({ layer: "network", ok: false });
});
