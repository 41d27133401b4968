// Seeds the demo fleet once per database: a marker setting keeps a deliberately emptied fleet empty.
import type { Db } from "../db/client.ts";
import { DEMO_AGENT_BASE_PORT, demoFleet } from "./demo-fleet.ts";

const MARKER = "demoFleetSeededAt";

export async function seedDemoFleetOnce(db: Db, agentPort = DEMO_AGENT_BASE_PORT): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Two consoles starting at once on one database must not both seed.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ha-console:seed-demo-fleet'))`;
    if (await tx.setting.findUnique({ where: { key: MARKER }, select: { key: true } })) return false;
    let port = agentPort;
    for (const { nodes, ...cluster } of demoFleet) {
      await tx.cluster.create({
        data: {
          ...cluster,
          nodes: { create: nodes.map((node) => ({ ...node, agentUrl: `http://127.0.0.1:${port++}` })) },
        },
      });
    }
    await tx.setting.create({ data: { key: MARKER, value: new Date().toISOString() } });
    return true;
  });
}
