// `haops halt` (is it on?) and `haops halt on|off --reason TEXT`: the global stop of automation.
import { ago } from "../../lib/format.ts";
import type { Halt } from "../answers.ts";
import type { Client } from "../client.ts";
import { reasonOf } from "../confirm.ts";
import { CliError, EXIT } from "../exit.ts";
import { type Io, show } from "../io.ts";

const haltText = (h: Halt) =>
  h.active
    ? `Halt is ON since ${h.since ? ago(h.since) : "–"} by ${h.by ?? "–"}: ${h.reason ?? ""}. ` +
      "No automatic action runs and no drill starts."
    : "Halt is off: automation runs.";

export async function halt(client: Client, io: Io, state: string | undefined, reason: string | undefined) {
  if (state === undefined) {
    show(io, await client.get<Halt>("/halt"), haltText);
    return EXIT.done;
  }
  if (state !== "on" && state !== "off") throw new CliError(`halt takes on or off, not "${state}".`);
  show(io, await client.post<Halt>("/halt", { active: state === "on", reason: reasonOf(reason) }), haltText);
  return EXIT.done;
}
