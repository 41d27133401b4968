// `run-command` (protocol v1.3): a program this agent's commands.allow names, run with the
// console's arguments and variables, no shell, from "/", with PATH as the agent's own and nothing
// else of its environment. Done is exit 0 within the time given.
import { duration } from "../../lib/format.ts";
import type { ActionOutcome } from "../drivers/driver.ts";
import type { RunCommandParams } from "../protocol-host-actions.ts";
import type { CommandsConfig } from "./config.ts";
import { type Ran, runArgv } from "./run-argv.ts";

const FALLBACK_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

export async function runCommand(
  commands: CommandsConfig | undefined,
  { argv, env, timeoutMs }: RunCommandParams,
): Promise<ActionOutcome> {
  const program = argv[0] ?? "";
  if (!commands) return { status: "unsupported", detail: "this agent has no commands section: it runs no command" };
  if (!commands.allow.includes(program))
    return { status: "unsupported", detail: `${program} is not in this agent's commands.allow` };
  const ran = await runArgv(argv, { PATH: process.env.PATH ?? FALLBACK_PATH, ...env }, timeoutMs);
  return outcome(program, ran, timeoutMs);
}

function outcome(program: string, ran: Ran, timeoutMs: number): ActionOutcome {
  if (ran.kind === "not-started") return { status: "failed", detail: `${program} did not start: ${ran.error}` };
  const stderr = ran.stderr ? `: ${ran.stderr}` : "";
  if (ran.kind === "timed-out")
    return {
      status: "failed",
      detail: `${program} timed out after ${duration(timeoutMs)}, its process group killed${stderr}`,
    };
  if (ran.code === 0) return { status: "done", detail: `${program} exited 0 in ${duration(ran.ms)}` };
  const how = ran.signal ? `was killed by ${ran.signal}` : `exited ${ran.code}`;
  return { status: "failed", detail: `${program} ${how} after ${duration(ran.ms)}${stderr}` };
}
