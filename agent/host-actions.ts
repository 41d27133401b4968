// The actions an agent carries out on its host itself, whatever its node's driver (protocol v1.3):
// each allowed by a section of the node's configuration, and `unsupported` without it.
import type { CommandsConfig } from "./commands/config.ts";
import { runCommand } from "./commands/run-command.ts";
import { type ActionOutcome, outcomeOf } from "./drivers/driver.ts";
import type { HostAction } from "./protocol-host-actions.ts";
import type { PgbouncerConfig } from "./traffic/pgbouncer-config.ts";
import { steerPgbouncer } from "./traffic/pgbouncer.ts";

export interface HostSections {
  commands?: CommandsConfig;
  pgbouncer?: PgbouncerConfig;
}

export function actOnHost(sections: HostSections, action: HostAction): Promise<ActionOutcome> {
  return outcomeOf(() =>
    action.type === "run-command"
      ? runCommand(sections.commands, action.params)
      : steerPgbouncer(sections.pgbouncer, action.params),
  );
}
