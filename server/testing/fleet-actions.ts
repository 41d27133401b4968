// Actions on a test fleet as an actor asks for them, and the nodes and actions as the store keeps
// them. The fleet is read when a helper runs, so the helpers can be made before it starts.
import { actionDocument } from "../actions/read.ts";
import { requestAction, type Actor } from "../actions/request.ts";
import { runRequestSchema } from "../actions/types.ts";
import { type Fleet, waitFor } from "./fleet-harness.ts";

export function fleetActions(fleet: () => Fleet, actor: Actor) {
  const run = (input: Record<string, unknown>) =>
    requestAction(
      fleet().db,
      actor,
      fleet().cluster,
      runRequestSchema.parse({ reason: "test", confirm: fleet().cluster, ...input }),
    );
  const node = (name: string) =>
    fleet().db.node.findFirstOrThrow({
      where: { clusterId: fleet().clusterId, name },
      select: { role: true, state: true, fenced: true, confirmedDown: true, lastStatus: true },
    });
  const degraded = async (name: string) =>
    (
      await fleet().db.node.findFirstOrThrow({
        where: { clusterId: fleet().clusterId, name },
        select: { degraded: true },
      })
    ).degraded;
  const finished = (id: string) =>
    waitFor(
      `action ${id} to finish`,
      async () => {
        const doc = await actionDocument(fleet().db, id);
        return doc && (doc.status === "SUCCEEDED" || doc.status === "FAILED") ? doc : undefined;
      },
      20_000,
    );
  return { run, node, degraded, finished };
}
