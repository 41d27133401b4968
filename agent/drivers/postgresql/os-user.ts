// Runs PostgreSQL's programs as the operating-system user that owns the data directory (it
// refuses to run as root): by uid/gid when this process is root, as itself otherwise.
import { execFile, spawn, type SpawnOptions } from "node:child_process";
import { execFileSync } from "node:child_process";

export interface OsUser {
  uid: number;
  gid: number;
}

export function osUser(name: string | undefined): OsUser | undefined {
  if (!name || process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, name], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

export function run(
  file: string,
  args: string[],
  user: OsUser | undefined,
  timeoutMs = 60_000,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { ...user, timeout: timeoutMs, env: { ...process.env, LC_ALL: "C" } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${file.split("/").pop()} ${args.join(" ")}: ${stderr.trim() || error.message}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

/** A long-lived program (a postmaster started by pg_ctl returns; this is for ones that do not). */
export function start(file: string, args: string[], user: OsUser | undefined, options: SpawnOptions = {}) {
  return spawn(file, args, { ...user, stdio: "ignore", detached: true, ...options });
}
