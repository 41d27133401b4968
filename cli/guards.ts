// Guards as `haops` prints them, and a refusal by guards: exit 2 with the failing ones named.
import type { ApiRefusal } from "./client.ts";
import { EXIT } from "./exit.ts";
import type { Io } from "./io.ts";
import { table } from "./table.ts";

type Guard = NonNullable<ApiRefusal["guards"]>[number];

export const guardsTable = (guards: Guard[]) =>
  table(
    ["GUARD", "", "REASON"],
    guards.map((g) => [g.id, g.ok ? "ok" : g.overridable ? "FAIL (overridable)" : "FAIL", g.reason]),
  );

export function refusedByGuards(io: Io, refusal: ApiRefusal) {
  if (io.json) {
    io.out(JSON.stringify(refusal, null, 2));
  } else {
    const failing = (refusal.guards ?? []).filter((g) => !g.ok);
    if (failing.length) io.out(guardsTable(failing));
    io.err(refusal.message);
  }
  return EXIT.refused;
}
