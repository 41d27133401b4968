// `haops` as the int tests run it: the package's bin in a child process, pointed at a console by
// HAOPS_URL and HAOPS_TOKEN, with an operator's API token made on a test fleet's own database.
import { spawn } from "node:child_process";
import path from "node:path";
import { createApiToken } from "../server/api-tokens/tokens.ts";
import { uniqueName } from "../server/testing/databases.ts";
import type { Fleet } from "../server/testing/fleet-harness.ts";

export const HAOPS_BIN = path.resolve(import.meta.dirname, "haops.mjs");

export interface HaopsRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `haops args` to its end; `input` is what the user types (nothing, by default). */
export function runHaops(at: { url: string; token: string }, args: string[], input = ""): Promise<HaopsRun> {
  const env = { ...process.env, HAOPS_URL: at.url, HAOPS_TOKEN: at.token };
  const child = spawn(process.execPath, [HAOPS_BIN, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/**
 * An operator's API token, made by an admin. A token's user needs no password: a row of the fleet's own database
 * (auth's users live in the run's).
 */
export async function operatorToken(fleet: Fleet): Promise<{ token: string; email: string }> {
  const user = (role: "admin" | "operator") =>
    fleet.db.user.create({
      data: { id: uniqueName(role), email: `${uniqueName(role)}@example.com`, name: role, role },
      select: { id: true, email: true, name: true, role: true },
    });
  const [admin, operator] = [await user("admin"), await user("operator")];
  const made = await createApiToken(fleet.db, admin, { name: "cli", userEmail: operator.email, role: "operator" });
  if (!made) throw new Error(`no API token was made for ${operator.email}`);
  return { token: made.token, email: operator.email };
}
