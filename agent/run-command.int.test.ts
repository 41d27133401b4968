// `run-command` (protocol v1.3) through a real agent over HTTP on 127.0.0.1, running real programs:
// exit codes, a timeout that kills the program's whole process group, the allow list, the
// environment it is given and nothing more, no shell, and an id answered once.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../server/db/free-port.ts";
import { waitFor } from "../server/testing/fleet-harness.ts";
import { parseConfig } from "./config.ts";
import { actionResultSchema } from "./protocol.ts";
import { startAgents, type RunningAgents } from "./start.ts";

const TOKEN = "hat_run-command-test-0123456789";
const NODE = process.execPath;
const dir = mkdtempSync(path.join(tmpdir(), "haops-run-command-"));
const MISSING = "/nonexistent/hook";
const ALLOW = ["/bin/true", "/bin/false", "/bin/sleep", "/bin/sh", "/usr/bin/echo", "/usr/bin/mktemp", NODE, MISSING];
let agents: RunningAgents;

beforeAll(async () => {
  const port = await freePort();
  const node = { name: "hooks-1", listen: `127.0.0.1:${port}`, token: TOKEN, driver: "simulated" };
  const config = { nodes: [{ ...node, simulated: { cluster: "hooks", role: "primary" }, commands: { allow: ALLOW } }] };
  agents = await startAgents(parseConfig(JSON.stringify(config)), () => undefined);
});

afterAll(async () => {
  await agents?.stop();
  rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
async function run(argv: string[], options: { timeoutMs?: number; env?: Record<string, string>; id?: string } = {}) {
  const { timeoutMs = 10_000, env, id = `run-${seq++}` } = options;
  const response = await fetch(`${agents.urls["hooks-1"]}/v1/actions`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ id, type: "run-command", params: { argv, timeoutMs, env } }),
  });
  expect(response.status).toBe(200);
  return actionResultSchema.parse(await response.json());
}

/** A process that is gone, or a zombie nobody has reaped yet: it runs nothing either way. */
function gone(pid: number): boolean {
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return true;
  }
}

describe("run-command", () => {
  it("is done when the program exits 0, and failed with its code and last words otherwise", async () => {
    expect(await run(["/bin/true"])).toMatchObject({
      status: "done",
      detail: expect.stringMatching(/^\/bin\/true exited 0 in /),
    });
    expect(await run(["/bin/false"])).toMatchObject({
      status: "failed",
      detail: expect.stringMatching(/^\/bin\/false exited 1 after /),
    });
    const said = await run([
      NODE,
      "-e",
      "process.stderr.write('x'.repeat(2000) + '\\u0007dns update refused\\n'); process.exit(4)",
    ]);
    expect(said.status).toBe("failed");
    expect(said.detail).toMatch(new RegExp(`^${NODE} exited 4 after .*: x+dns update refused$`));
    expect(said.detail?.length).toBeLessThan(NODE.length + 600);
  });

  it("says a signal that ended the program", async () => {
    expect(await run([NODE, "-e", "process.kill(process.pid, 'SIGTERM')"])).toMatchObject({
      status: "failed",
      detail: expect.stringMatching(/ was killed by SIGTERM after /),
    });
  });

  it("kills the program at its timeout, and the children it started with it", async () => {
    expect(await run(["/bin/sleep", "30"], { timeoutMs: 1_000 })).toEqual({
      id: expect.any(String),
      status: "failed",
      detail: "/bin/sleep timed out after 1 s, its process group killed",
    });
    const pidFile = path.join(dir, "child.pid");
    const answer = run(["/bin/sh", "-c", `sleep 60 & echo $! > ${pidFile}; echo waiting >&2; wait`], {
      timeoutMs: 3_000,
    });
    const child = await waitFor("the script's child", async () => Number(readFileSync(pidFile, "utf8")) || null);
    expect(await answer).toMatchObject({
      status: "failed",
      detail: "/bin/sh timed out after 3 s, its process group killed: waiting",
    });
    await waitFor("the script's child to be killed", async () => gone(child), 5_000);
  });

  it("fails an allowed program that is not there", async () => {
    expect(await run([MISSING])).toMatchObject({
      status: "failed",
      detail: `${MISSING} did not start: spawn ${MISSING} ENOENT`,
    });
  });

  it("runs only a program of its commands.allow, named exactly", async () => {
    for (const program of ["/usr/bin/touch", "/usr/bin/true", "sleep"])
      expect(await run([program, path.join(dir, "touched")])).toMatchObject({
        status: "unsupported",
        detail: `${program} is not in this agent's commands.allow`,
      });
    expect(existsSync(path.join(dir, "touched"))).toBe(false);
  });

  it("gives the program PATH and the variables sent, nothing else, and / as its folder", async () => {
    // Its stderr tail is 500 bytes: the PATH (long under npm) is compared by its hash, not written out.
    const script =
      "const { PATH, ...rest } = process.env; const hash = require('node:crypto').createHash('sha256');" +
      "process.stderr.write(JSON.stringify({ rest, path: hash.update(PATH).digest('hex'), cwd: process.cwd() }));" +
      "process.exit(1)";
    const answer = await run([NODE, "-e", script], { env: { HAOPS_CLUSTER: "orders", HAOPS_NEW_PRIMARY: "db 2" } });
    const seen = JSON.parse(answer.detail?.slice(answer.detail.indexOf(": ") + 2) ?? "");
    expect(seen).toEqual({
      rest: { HAOPS_CLUSTER: "orders", HAOPS_NEW_PRIMARY: "db 2" },
      path: createHash("sha256")
        .update(process.env.PATH ?? "")
        .digest("hex"),
      cwd: "/",
    });
  });

  it("hands the arguments over as they are, with no shell to read them", async () => {
    const marker = path.join(dir, "marker");
    const words = `$(touch ${marker}) \`touch ${marker}\`; touch ${marker} | cat > ${marker} && echo $HOME`;
    expect(await run(["/usr/bin/echo", words])).toMatchObject({ status: "done" });
    const echoed = await run([NODE, "-e", "process.stderr.write(process.argv[1]); process.exit(1)", words]);
    expect(echoed.detail?.endsWith(`: ${words}`)).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it("runs an id once: the same id again is answered, not run again", async () => {
    const made = path.join(dir, "made");
    await run(["/bin/sh", "-c", `mkdir -p ${made}`]);
    const first = await run(["/usr/bin/mktemp", "-p", made], { id: "mktemp-once" });
    const again = await run(["/usr/bin/mktemp", "-p", made], { id: "mktemp-once" });
    expect(first).toMatchObject({ id: "mktemp-once", status: "done" });
    expect(again).toEqual(first);
    expect(readdirSync(made)).toHaveLength(1);
  });
});
