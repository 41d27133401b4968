// `haops` as an operator runs it: a child process against a console's REST API served over real HTTP
// (its own process) on a fleet of simulated agents led by a real control loop, with an API token.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionSchema } from "../server/api/openapi/action-schemas.ts";
import { clusterListSchema } from "../server/api/openapi/cluster-schemas.ts";
import { alertListSchema, auditPageSchema } from "../server/api/openapi/console-schemas.ts";
import { freePort } from "../server/db/free-port.ts";
import { startControl, type Control } from "../server/control/control.ts";
import { recordEvent } from "../server/events/record.ts";
import { type ConsoleProcess, startConsoleProcess } from "../server/testing/console-process.ts";
import { type Fleet, startFleet, waitFor } from "../server/testing/fleet-harness.ts";
import { HAOPS_BIN, operatorToken, runHaops } from "./haops-process.ts";

let fleet: Fleet;
let control: Control;
let web: ConsoleProcess;
let token = "";
let operatorEmail = "";

const haops = (args: string[], opts: { input?: string; token?: string } = {}) =>
  runHaops({ url: web.url, token: opts.token ?? token }, args, opts.input);

beforeAll(async () => {
  fleet = await startFleet({
    // Slow polls with time to spare: a machine busy with other tests must not see a node go down.
    settings: { intervalMs: 500, timeoutMs: 2_000, failureThreshold: 3 },
    nodes: [
      { name: "web-1", role: "active" },
      { name: "web-2", role: "active", region: "us-east" },
    ],
  });
  control = startControl(fleet.controlOptions());
  ({ token, email: operatorEmail } = await operatorToken(fleet));
  web = await startConsoleProcess(fleet.databaseUrl);
  await waitFor(
    "a healthy fleet",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 2,
  );
}, 60_000);

afterAll(async () => {
  web?.stop();
  await control?.stop();
  await fleet?.stop();
});

describe("haops", { timeout: 60_000 }, () => {
  it("lists the clusters as a table, and as the documented JSON with --json", async () => {
    const table = await haops(["clusters"]);
    expect(table).toMatchObject({ code: 0, stderr: "" });
    expect(table.stdout).toMatch(/^CLUSTER\s+MODE\s+POLICY\s+NODES\s+PRIMARY\s+FLAGS$/m);
    expect(table.stdout).toMatch(new RegExp(`^${fleet.cluster}\\s+active-active\\s+manual\\s+2/2 healthy`, "m"));

    const json = await haops(["--json", "clusters"]);
    expect(json.code).toBe(0);
    const clusters = clusterListSchema.parse(JSON.parse(json.stdout)).clusters;
    expect(clusters.find((c) => c.name === fleet.cluster)?.nodes.map((n) => n.name)).toEqual(["web-1", "web-2"]);

    const one = await haops(["cluster", fleet.cluster]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^web-2\s+active\s+HEALTHY\s+us-east\/us-east-1a\s+100\s/m);
  });

  it("exits 2 with the failing guards for a plan the guards refuse, and for a refused action", async () => {
    const plan = await haops(["plan", fleet.cluster, "drain", "web-9"]);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/^Refused: drain of web-9/m);
    expect(plan.stdout).toMatch(/^target-exists\s+FAIL\s+no node web-9 in this cluster$/m);

    const run = await haops(["drain", fleet.cluster, "web-9", "--reason", "cli test", "--yes"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^target-exists\s+FAIL\s+no node web-9/m);
    expect(run.stderr).toMatch(/^Refused: drain of web-9/m);
    expect(await fleet.db.action.count({ where: { clusterId: fleet.clusterId } })).toBe(0);
  });

  it("does nothing when the typed confirmation is not the cluster's name", async () => {
    const run = await haops(["set-weight", fleet.cluster, "web-1", "100", "--reason", "cli test"], {
      input: "someone-else\n",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`type the cluster's name (${fleet.cluster})`);
    expect(run.stderr).toContain(`haops: "someone-else" is not ${fleet.cluster}: nothing was done.`);
    expect(await fleet.db.action.count({ where: { clusterId: fleet.clusterId } })).toBe(0);
  });

  it("runs a harmless set-weight confirmed by typing, watches it until it succeeds, and reads it back", async () => {
    const args = ["set-weight", fleet.cluster, "web-1", "100", "--reason", "cli test", "--interval", "0.2"];
    const run = await haops(args, { input: `${fleet.cluster}\n` });
    expect(run).toMatchObject({ code: 0 });
    expect(run.stderr).toMatch(/^Requested set-weight of web-1 on .*: action \w+\.$/m);
    expect(run.stderr).toMatch(/^ {2}set the weight of web-1 to 100: SUCCEEDED/m);
    expect(run.stdout).toMatch(/^Action \w+ \(set-weight of web-1 on [\w-]+\) SUCCEEDED/m);

    const id = /action (\w+)\./.exec(run.stderr)![1]!;
    const watched = await haops(["--json", "action", "watch", id]);
    expect(watched.code).toBe(0);
    expect(actionSchema.parse(JSON.parse(watched.stdout))).toMatchObject({ id, status: "SUCCEEDED" });
  });

  it("lists open alerts and acknowledges one with a note", async () => {
    const node = await fleet.db.node.findFirstOrThrow({ where: { clusterId: fleet.clusterId, name: "web-2" } });
    await recordEvent(fleet.db, {
      type: "lag.over",
      severity: "WARNING",
      summary: "lag.over",
      clusterId: fleet.clusterId,
      nodeId: node.id,
    });
    const where = { nodeId: node.id, type: "lag.over" };
    const alert = await fleet.db.alert.findFirstOrThrow({ where, select: { id: true } });
    const listed = await haops(["alerts"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${alert.id}\\s+WARNING\\s+lag.over\\s+${fleet.cluster}/web-2\\s`, "m"));

    const acked = await haops(["ack", alert.id, "--note", "looking into it"]);
    expect(acked).toMatchObject({ code: 0, stderr: "" });
    const json = alertListSchema.parse(JSON.parse((await haops(["--json", "alerts"])).stdout));
    expect(json.alerts.find((a) => a.id === alert.id)).toMatchObject({
      acknowledgedBy: operatorEmail,
      note: "looking into it",
    });
  });

  it("sets and lifts the halt, and the audit log (followed) shows it", async () => {
    const follow = spawn(process.execPath, [HAOPS_BIN, "audit", "--follow", "--interval", "0.2"], {
      env: { ...process.env, HAOPS_URL: web.url, HAOPS_TOKEN: token },
    });
    let followed = "";
    follow.stdout.on("data", (chunk: Buffer) => (followed += chunk.toString()));
    try {
      await waitFor("the audit to print its header", async () => followed.startsWith("SEQ"), 15_000);
      const on = await haops(["halt", "on", "--reason", "cli maintenance"]);
      expect(on).toMatchObject({ code: 0, stderr: "" });
      expect(on.stdout).toMatch(/^Halt is ON since just now by .*: cli maintenance\./);
      expect((await haops(["halt"])).stdout).toMatch(/^Halt is ON/);
      const off = await haops(["halt", "off", "--reason", "cli maintenance done"]);
      expect(off.stdout).toBe("Halt is off: automation runs.\n");
      await waitFor("the followed audit to show both", async () => /halt\.on[\s\S]*halt\.off/.test(followed), 15_000);
      expect(followed).toMatch(/halt\.on\s+console\s+halted\s+cli maintenance/);
    } finally {
      follow.kill();
    }
    const page = auditPageSchema.parse(JSON.parse((await haops(["--json", "audit", "--limit", "3"])).stdout));
    expect(page.entries.map((e) => e.action)).toContain("halt.off");
  });

  it("exits 1 with a clear message for a bad token, and for a console it cannot reach", async () => {
    const bad = await haops(["clusters"], { token: "hao_not-a-token" });
    expect(bad).toMatchObject({ code: 1, stdout: "" });
    expect(bad.stderr).toMatch(/^haops: The console refused the token: check HAOPS_TOKEN or --token/);
    expect(bad.stderr).toContain("HTTP 401");

    const nobody = `http://127.0.0.1:${await freePort()}`;
    const away = await haops(["clusters", "--url", nobody]);
    expect(away).toMatchObject({ code: 1, stdout: "" });
    expect(away.stderr).toBe(`haops: Cannot reach the console at ${nobody}: ECONNREFUSED.\n`);
  });
});
