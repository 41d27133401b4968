// The real drills of client routes and hooks, for the real tests and `npm run drill:real`: a
// switchover and a primary crash with PgBouncer in front, and a primary crash whose write name
// lives in a real Knot DNS and whose hooks (a command, an http POST) leave marks to check.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NOT_DONE } from "../server/actions/not-done.ts";
import { startReceiver } from "../server/testing/webhook-receiver.ts";
import { answerAt } from "../server/traffic/dns/index.ts";
import { addHooks, routeThroughDns, routeThroughPgbouncer } from "./client-routes.ts";
import { crashDrill } from "./crash-drill.ts";
import { startKnot } from "./knot-server.ts";
import { switchOver } from "./lost-node.ts";
import { pooledPair } from "./pooled-pair.ts";
import { startPair } from "./postgres-pair.ts";
import type { WithRig } from "./rig.ts";
import type { StartPair } from "./system.ts";

/** The steps of the cluster's last failover or switchover, with when each ended. */
async function stepEnds(rig: Parameters<Parameters<WithRig>[1]>[0]) {
  const action = await rig.db.action.findFirst({
    where: { clusterId: rig.clusterId, type: { in: ["FAILOVER", "SWITCHOVER"] } },
    orderBy: { createdAt: "desc" },
    select: { steps: { select: { name: true, finishedAt: true, detail: true } } },
  });
  return action?.steps ?? [];
}

/** The route and hook steps that did not do their part (the action went on without them). */
const notDone = (steps: { name: string; detail: string | null }[]) =>
  steps.filter((s) => s.detail?.startsWith(NOT_DONE)).map((s) => `${s.name}: ${s.detail}`);

export async function pgbouncerSwitchover(withRig: WithRig) {
  const pooled = pooledPair();
  return withRig(
    false,
    async (rig) => {
      await routeThroughPgbouncer(rig);
      const result = await switchOver(rig);
      return { ...result, notDone: notDone(await stepEnds(rig)) };
    },
    pooled.start,
  );
}

export async function pgbouncerCrash(withRig: WithRig) {
  const pooled = pooledPair();
  return withRig(
    false,
    async (rig) => {
      await routeThroughPgbouncer(rig);
      const drill = await crashDrill(rig);
      const steps = await stepEnds(rig);
      return { drill, steps: steps.map((s) => s.name), notDone: notDone(steps) };
    },
    pooled.start,
  );
}

/** Node agents that may run `allow`, for a command hook. */
const allowing =
  (allow: string[]): StartPair =>
  async (opts) => {
    const pair = await startPair(opts);
    return { ...pair, agentDriver: (i, peer) => ({ ...pair.agentDriver(i, peer), commands: { allow } }) };
  };

export async function dnsAndHooksCrash(withRig: WithRig) {
  const folder = mkdtempSync(path.join(tmpdir(), "haops-real-hooks-"));
  const script = path.join(folder, "note.sh");
  const seen = path.join(folder, "seen");
  writeFileSync(script, '#!/bin/sh\necho "$HAOPS_NEW_PRIMARY $HAOPS_NEW_PRIMARY_ADDRESS" >> "$1"\n', { mode: 0o755 });
  const knot = await startKnot();
  let secret = "";
  const receiver = await startReceiver(() => secret);
  try {
    return await withRig(
      false,
      async (rig) => {
        await routeThroughDns(rig, knot, "db");
        secret = await addHooks(rig, [script, seen], `http://127.0.0.1:${receiver.port}/failover`);
        const drill = await crashDrill(rig);
        const steps = await stepEnds(rig);
        const promoted = steps.find((s) => s.name.startsWith("promote "))?.finishedAt?.getTime();
        const named = steps.find((s) => s.name.startsWith("DNS "))?.finishedAt?.getTime();
        const server = { host: knot.host, port: knot.port, zone: knot.zone, key: knot.key, timeoutMs: 2_000 };
        return {
          drill,
          notDone: notDone(steps),
          answer: await answerAt(server, "db"),
          dnsAfterPromotionMs: promoted && named ? named - promoted : null,
          commandSaw: existsSync(seen) ? readFileSync(seen, "utf8").trim().split("\n") : [],
          httpSaw: receiver.received.map((r) => r.payload as unknown as { newPrimary: { name: string } | null }),
        };
      },
      allowing([script]),
    );
  } finally {
    receiver.close();
    await knot.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
