// The main e2e console's data folder, known to the config and the specs alike, and its demo
// agents as written to demo-agents.yaml: specs inject faults through the agents' own HTTP API.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3917);
export const E2E_DATA_DIR = path.join(tmpdir(), `ha-console-e2e-${E2E_PORT}`);

export function demoAgent(node: string): { url: string; token: string } {
  const config = parse(readFileSync(path.join(E2E_DATA_DIR, "demo-agents.yaml"), "utf8")) as {
    nodes: { name: string; listen: string; token: string }[];
  };
  const agent = config.nodes.find((n) => n.name === node);
  if (!agent) throw new Error(`No demo agent for ${node}.`);
  return { url: `http://${agent.listen}`, token: agent.token };
}

let seq = 0;

export async function agentAction(node: string, type: string, params: Record<string, unknown> = {}) {
  const { url, token } = demoAgent(node);
  const response = await fetch(`${url}/v1/actions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ id: `e2e-${process.pid}-${Date.now()}-${seq++}`, type, params }),
  });
  return (await response.json()) as { status: string; detail?: string };
}
