// `haops drill run` and `haops drill watch` as an operator runs them: a child process against a console's REST
// API (its own process) on a primary/standby fleet of simulated agents led by a real control loop, where an
// unattended primary-crash drill fails over, restores and reaches a verdict.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHASES } from "../lib/drills.ts";
import { apiErrorSchema } from "../server/api/openapi/error-schema.ts";
import { drillSchema } from "../server/api/openapi/drill-schemas.ts";
import { startControl, type Control } from "../server/control/control.ts";
import { type ConsoleProcess, startConsoleProcess } from "../server/testing/console-process.ts";
import { type Fleet, startFleet, waitFor } from "../server/testing/fleet-harness.ts";
import { operatorToken, runHaops } from "./haops-process.ts";

let fleet: Fleet;
let control: Control;
let web: ConsoleProcess;
let token = "";

const haops = (args: string[]) => runHaops({ url: web.url, token }, args);
const drillRun = (scenario: string) => ["drill", "run", fleet.cluster, scenario, "--reason", "cli game day", "--yes"];
// The pace of a watch: a bound the drill's own phase limits stay well inside.
const PACE = ["--interval", "0.2", "--timeout", "240"];

const healthy = () =>
  waitFor(
    "a healthy cluster",
    async () =>
      (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY", fenced: false } })) === 3,
    30_000,
  );
const primary = async () =>
  (await fleet.db.node.findFirst({ where: { clusterId: fleet.clusterId, role: "PRIMARY" }, select: { name: true } }))
    ?.name;
/** The phases a watch said, in the order it first said them. */
const phasesSaid = (stderr: string) => [...new Set([...stderr.matchAll(/^ {2}(\w+): /gm)].map((m) => m[1]))];

beforeAll(async () => {
  fleet = await startFleet({
    // Slow polls with time to spare: a machine busy with other tests must not see a node go down by itself.
    settings: { intervalMs: 500, timeoutMs: 2_000, failureThreshold: 3 },
    nodes: [
      { name: "db-1", role: "primary" },
      { name: "db-2", role: "standby", upstream: "db-1" },
      { name: "db-3", role: "standby", upstream: "db-1", region: "us-east" },
    ],
  });
  // An RTO target a busy machine meets, and no cooldown: the second drill fails over again at once.
  await fleet.db.cluster.update({ where: { id: fleet.clusterId }, data: { cooldownMs: 0, rtoTargetMs: 120_000 } });
  control = startControl(fleet.controlOptions({ actionCheckMs: 100 }));
  ({ token } = await operatorToken(fleet));
  web = await startConsoleProcess(fleet.databaseUrl);
  await healthy();
}, 60_000);

afterAll(async () => {
  web?.stop();
  await control?.stop();
  await fleet?.stop();
});

describe("haops drill", { timeout: 180_000 }, () => {
  let passed = "";

  it("exits 2 with the failing pre-checks for a drill that does not fit the cluster, and starts nothing", async () => {
    const run = await haops(drillRun("node-crash"));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^GUARD\s+REASON$/m);
    expect(run.stdout).toMatch(/^scenario-fits\s+FAIL\s+node-crash needs an active-active cluster/m);
    expect(run.stdout).not.toContain("halt-off");
    expect(run.stderr).toMatch(/^Refused: scenario-fits: node-crash needs an active-active cluster/m);

    const json = await haops(["--json", ...drillRun("node-crash")]);
    expect(json.code).toBe(2);
    const refusal = apiErrorSchema.parse(JSON.parse(json.stdout));
    expect(refusal.guards?.find((g) => g.id === "scenario-fits")).toMatchObject({ ok: false });
    expect(refusal.guards?.find((g) => g.id === "cluster-healthy")).toMatchObject({ ok: true });
    expect(await fleet.db.drill.count({ where: { clusterId: fleet.clusterId } })).toBe(0);
  });

  it("runs an unattended primary-crash drill with --yes and a reason, waits for its PASS and exits 0", async () => {
    const before = await primary();
    const run = await haops([...drillRun("primary-crash"), ...PACE]);
    expect(run.code, run.stderr).toBe(0);
    passed = /^Started a primary-crash drill on [\w-]+: drill (\w+)\.$/m.exec(run.stderr)?.[1] ?? "";
    expect(passed).not.toBe("");
    for (const phase of PHASES) expect(run.stderr).toMatch(new RegExp(`^ {2}${phase}: SUCCEEDED`, "m"));
    expect(run.stdout).toMatch(new RegExp(`^Drill ${passed} \\(primary-crash on [\\w-]+\\): PASS\n`));
    expect(run.stdout).toMatch(/^DETECTION\s+FAILOVER\s+RTO\s+RPO\n(\S+ \S+\s+){3}\S+ \w+ \/ \S+ \w+$/m);
    for (const check of ["detection", "rto", "rpo"])
      expect(run.stdout).toMatch(new RegExp(`^ {2}ok {3}${check}: `, "m"));
    expect(await fleet.db.drill.findUniqueOrThrow({ where: { id: passed } })).toMatchObject({ verdict: "PASS" });
    expect(await primary()).not.toBe(before);
  });

  it("watches the finished drill: its phases in order, its verdict, exit 0; as the API's JSON with --json", async () => {
    const watched = await haops(["drill", "watch", passed]);
    expect(watched.code, watched.stderr).toBe(0);
    expect(phasesSaid(watched.stderr)).toEqual([...PHASES]);
    expect(watched.stdout).toMatch(new RegExp(`^Drill ${passed} \\(primary-crash on [\\w-]+\\): PASS`));

    const json = await haops(["--json", "drill", "watch", passed]);
    expect(json).toMatchObject({ code: 0, stderr: "" });
    const drill = drillSchema.parse(JSON.parse(json.stdout));
    expect(drill).toMatchObject({ id: passed, status: "SUCCEEDED", verdict: "PASS", unattended: true });
    expect(drill.phases.map((p) => `${p.name}:${p.status}`)).toEqual(PHASES.map((name) => `${name}:SUCCEEDED`));

    const missing = await haops(["drill", "watch", "no-such-drill"]);
    expect(missing).toMatchObject({ code: 1, stdout: "" });
    expect(missing.stderr).toBe("haops: No drill no-such-drill. (HTTP 404 not_found)\n");
  });

  it("exits 1 with the drill's JSON when it ends with a FAIL verdict (an RTO target no failover meets)", async () => {
    await healthy();
    await fleet.db.cluster.update({ where: { id: fleet.clusterId }, data: { rtoTargetMs: 1 } });
    const run = await haops(["--json", ...drillRun("primary-crash"), ...PACE]);
    expect(run).toMatchObject({ code: 1, stderr: "" });
    const drill = drillSchema.parse(JSON.parse(run.stdout));
    expect(drill.verdict).toBe("FAIL");
    expect(drill.targets.checks.find((c) => c.id === "rto")).toMatchObject({ ok: false });

    const watched = await haops(["drill", "watch", drill.id]);
    expect(watched.code).toBe(1);
    expect(watched.stdout).toMatch(new RegExp(`^Drill ${drill.id} \\(primary-crash on [\\w-]+\\): FAIL — rto: RTO `));
    expect(watched.stdout).toMatch(/^ {2}FAIL rto: RTO /m);
  });
});
