// An HTTP service as a node: healthy when its URL answers the expected status (and body) in
// time. A service that does not answer at all makes the status request fail, so the console
// counts it as a failed poll, like a node it cannot reach.
import type { AgentAction, AgentStatus } from "../../protocol.ts";
import type { ActionOutcome, Driver, NodeIdentity, StatusGate } from "../driver.ts";
import { serverTraffic, trafficAction, writeServer } from "../haproxy/server-traffic.ts";
import type { HttpConfig } from "./config.ts";

async function probe(
  url: string,
  timeoutMs: number,
): Promise<{ status: number | null; body: string; latencyMs: number; error?: string }> {
  const started = performance.now();
  const latencyMs = () => Math.round((performance.now() - started) * 100) / 100;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: (await response.text()).slice(0, 64 * 1024), latencyMs: latencyMs() };
  } catch (error) {
    return {
      status: null,
      body: "",
      latencyMs: latencyMs(),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export class HttpNode implements Driver {
  constructor(
    private readonly identity: NodeIdentity,
    private readonly config: HttpConfig,
  ) {}

  gate(): StatusGate {
    return { kind: "answer" };
  }

  async status(): Promise<AgentStatus> {
    const { url, expectStatus, expectBody, timeoutMs } = this.config;
    const [own, peers] = await Promise.all([
      probe(url, timeoutMs),
      Promise.all(this.config.peers.map(async (p) => ({ node: p.name, answer: await probe(p.url, timeoutMs) }))),
    ]);
    const answered = own.status !== null;
    const statusOk = own.status === expectStatus;
    const bodyOk = !expectBody || own.body.includes(expectBody);
    const checks: NonNullable<AgentStatus["checks"]> = [
      {
        layer: "network",
        name: "http",
        ok: answered,
        latencyMs: own.latencyMs,
        ...(answered ? {} : { detail: own.error }),
      },
      ...(answered
        ? [
            {
              layer: "application" as const,
              name: `GET ${new URL(url).pathname}`,
              ok: statusOk && bodyOk,
              latencyMs: own.latencyMs,
              ...(statusOk && bodyOk
                ? {}
                : { detail: statusOk ? `body lacks "${expectBody}"` : `HTTP ${own.status}, expected ${expectStatus}` }),
            },
          ]
        : []),
    ];
    const lb = writeServer(this.config.haproxy, this.identity.name);
    const traffic = lb ? await serverTraffic(lb).catch(() => null) : null;
    return {
      agent: { id: this.identity.agentId, version: "1.0.0" },
      node: { name: this.identity.name, region: this.identity.region, zone: this.identity.zone },
      observedAt: new Date().toISOString(),
      role: "active",
      healthy: checks.every((c) => c.ok),
      checks,
      traffic: traffic ?? {
        state: "ready",
        ...(this.config.weight === undefined ? {} : { weight: this.config.weight }),
      },
      peers: peers.map((p) =>
        p.answer.status !== null
          ? { node: p.node, reachable: true, latencyMs: p.answer.latencyMs }
          : { node: p.node, reachable: false },
      ),
    };
  }

  async act(action: AgentAction): Promise<ActionOutcome> {
    const lb = writeServer(this.config.haproxy, this.identity.name);
    if (action.type !== "drain" && action.type !== "undrain" && action.type !== "set-weight") {
      return { status: "unsupported", detail: `${action.type} does not apply to an HTTP service` };
    }
    if (!lb) {
      const needs = "the node's HAProxy (haproxy: socket, backend) in the agent's config";
      return { status: "unsupported", detail: `${action.type} needs ${needs}` };
    }
    try {
      return await trafficAction(lb, action);
    } catch (error) {
      return { status: "failed", detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
