// The agent's systemd unit and its postgresql drop-in as systemd itself reads them: no unknown
// key, no value it would ignore, and the paths the README's install steps use.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const here = import.meta.dirname;

it("passes systemd-analyze verify with its drop-in, and starts the bundle and configuration where the README puts them", async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "haops-agent-unit-"));
  try {
    cpSync(here, folder, { recursive: true, filter: (file) => !file.endsWith(".ts") });
    const { stdout, stderr } = await promisify(execFile)("systemd-analyze", [
      "verify",
      path.join(folder, "haops-agent.service"),
    ]);
    expect(stdout + stderr).toBe("");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const unit = readFileSync(path.join(here, "haops-agent.service"), "utf8");
  expect(unit).toMatch(
    /^ExecStart=\/usr\/bin\/node \/opt\/haops-agent\/haops-agent\.mjs --config \/etc\/haops-agent\/agent\.yaml/m,
  );
  const readme = readFileSync(path.join(here, "../../README.md"), "utf8");
  for (const installed of ["/opt/haops-agent/haops-agent.mjs", "/etc/haops-agent/agent.yaml"])
    expect(readme).toContain(installed);
});
