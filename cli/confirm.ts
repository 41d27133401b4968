// The confirmation the console's pages ask for: the cluster's name, typed, unless --yes.
import { CliError } from "./exit.ts";
import type { Io } from "./io.ts";

export async function confirmCluster(io: Io, cluster: string, what: string, yes: boolean): Promise<void> {
  if (yes) return;
  const typed = await io.ask(`To ${what}, type the cluster's name (${cluster}): `);
  if (typed === null) throw new CliError("No confirmation: type the cluster's name when asked, or pass --yes.");
  if (typed !== cluster) throw new CliError(`"${typed}" is not ${cluster}: nothing was done.`);
}

export function reasonOf(reason: string | undefined): string {
  if (!reason?.trim()) throw new CliError("Give a reason with --reason: it goes into the audit log.");
  return reason;
}
