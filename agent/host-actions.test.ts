// Protocol v1.3's host actions: parameters checked by their schemas, carried out by the agent itself
// (never by its driver), and only with the node's section that allows them.
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";
import type { Driver } from "./drivers/driver.ts";
import type { HostSections } from "./host-actions.ts";
import { perform } from "./perform.ts";
import type { AgentActionRequest } from "./protocol.ts";

const driver: Driver = {
  status: () => Promise.reject(new Error("not asked")),
  gate: () => ({ kind: "answer" }),
  act: () => Promise.reject(new Error("a host action reached the driver")),
};
const run = (type: AgentActionRequest["type"], params: Record<string, unknown>, host: HostSections = {}) =>
  perform(driver, { id: "k", type, params }, host);

const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`HAOPS_V${i}`, "x"]));
const NAME = "is not a hook variable: HAOPS_ and then upper case letters, digits and _";

describe("run-command parameters", () => {
  it.each([
    [{ timeoutMs: 100 }, "params.argv must be a list of strings"],
    [{ argv: [], timeoutMs: 100 }, "params.argv must hold the program's path"],
    [{ argv: Array(65).fill("/bin/true"), timeoutMs: 100 }, "params.argv must hold at most 64 items"],
    [{ argv: ["/bin/echo", "x".repeat(4097)], timeoutMs: 100 }, "params.argv.1 must be at most 4096 characters"],
    [
      { argv: ["/bin/echo", "a\u0000b"], timeoutMs: 100 },
      "params.argv.1 contains a NUL character or a lone UTF-16 surrogate",
    ],
    [{ argv: ["/bin/true"] }, "params.timeoutMs must be an integer from 100 to 600000"],
    [{ argv: ["/bin/true"], timeoutMs: 99 }, "params.timeoutMs must be an integer from 100 to 600000"],
    [{ argv: ["/bin/true"], timeoutMs: 600_001 }, "params.timeoutMs must be an integer from 100 to 600000"],
    [{ argv: ["/bin/true"], timeoutMs: 100, env: "A=1" }, "params.env must map names to strings"],
    [{ argv: ["/bin/true"], timeoutMs: 100, env: { lower: "x" } }, `params.env.lower ${NAME}`],
    [{ argv: ["/bin/true"], timeoutMs: 100, env: { "1A": "x" } }, `params.env.1A ${NAME}`],
    [{ argv: ["/bin/true"], timeoutMs: 100, env: { "A-B": "x" } }, `params.env.A-B ${NAME}`],
    [{ argv: ["/bin/true"], timeoutMs: 100, env: { LD_PRELOAD: "/tmp/x.so" } }, `params.env.LD_PRELOAD ${NAME}`],
    [{ argv: ["/bin/true"], timeoutMs: 100, env: { PATH: "/tmp" } }, `params.env.PATH ${NAME}`],
    [{ argv: ["/bin/true"], timeoutMs: 100, env: { BASH_ENV: "/tmp/x" } }, `params.env.BASH_ENV ${NAME}`],
    [{ argv: ["/bin/true"], timeoutMs: 100, env: { HAOPS_A: 1 } }, "params.env.HAOPS_A must be a string"],
    [
      { argv: ["/bin/true"], timeoutMs: 100, env: { HAOPS_A: "x".repeat(4097) } },
      "params.env.HAOPS_A must be at most 4096 characters",
    ],
    [
      { argv: ["/bin/true"], timeoutMs: 100, env: { HAOPS_A: "\u0000" } },
      "params.env.HAOPS_A contains a NUL character or a lone UTF-16 surrogate",
    ],
    [{ argv: ["/bin/true"], timeoutMs: 100, env: many(65) }, "params.env must hold at most 64 variables"],
  ])("answers %j failed, naming the parameter", async (params, detail) => {
    expect(await run("run-command", params, { commands: { allow: ["/bin/true", "/bin/echo"] } })).toEqual({
      status: "failed",
      detail,
    });
  });

  it("takes 64 variables of good names, and none", async () => {
    const host = { commands: { allow: ["/nowhere/not-allowed"] } };
    const params = { argv: ["/bin/true"], timeoutMs: 100 };
    const refused = { status: "unsupported", detail: "/bin/true is not in this agent's commands.allow" };
    expect(await run("run-command", { ...params, env: { ...many(63), HAOPS_CLUSTER: "orders" } }, host)).toEqual(
      refused,
    );
    expect(await run("run-command", params, host)).toEqual(refused);
  });
});

describe("run-command's allow list", () => {
  const params = (program: string) => ({ argv: [program], timeoutMs: 100 });

  it("is unsupported by an agent without a commands section", async () => {
    expect(await run("run-command", params("/bin/true"))).toEqual({
      status: "unsupported",
      detail: "this agent has no commands section: it runs no command",
    });
  });

  it.each(["/bin/false", "true", "/bin/../bin/true", "/bin//true", "/bin/true "])(
    "runs %j only when it is in the list exactly",
    async (program) => {
      expect(await run("run-command", params(program), { commands: { allow: ["/bin/true"] } })).toEqual({
        status: "unsupported",
        detail: `${program} is not in this agent's commands.allow`,
      });
    },
  );
});

describe("pgbouncer parameters", () => {
  it.each([
    [{ database: "app" }, "params.op must be one of pause, resume, point"],
    [{ op: "kill", database: "app" }, "params.op must be one of pause, resume, point"],
    [{ op: "pause" }, "params.database must be a database name"],
    [{ op: "pause", database: "" }, "params.database must match ^[A-Za-z0-9_.-]{1,63}$"],
    [{ op: "pause", database: "app; RESUME" }, "params.database must match ^[A-Za-z0-9_.-]{1,63}$"],
    [{ op: "resume", database: 'a"b' }, "params.database must match ^[A-Za-z0-9_.-]{1,63}$"],
    [{ op: "resume", database: "x".repeat(64) }, "params.database must match ^[A-Za-z0-9_.-]{1,63}$"],
    [{ op: "point", database: "app", port: 5432 }, "params.host must be a host name or address"],
    [{ op: "point", database: "app", host: "db-2" }, "params.port must be an integer from 1 to 65535"],
    [
      { op: "point", database: "app", host: "db-2 user=postgres", port: 5432 },
      "params.host must be a host name or address",
    ],
    [{ op: "point", database: "app", host: "db-2", port: 70_000 }, "params.port must be an integer from 1 to 65535"],
  ])("answers %j failed, naming the parameter", async (params, detail) => {
    expect(await run("pgbouncer", params)).toEqual({ status: "failed", detail });
  });

  it("is unsupported by an agent without a pgbouncer section", async () => {
    expect(await run("pgbouncer", { op: "point", database: "app", host: "::1", port: 5433 })).toEqual({
      status: "unsupported",
      detail: "this agent has no pgbouncer section",
    });
  });
});

describe("the host sections of a node's configuration", () => {
  const node = (sections: Record<string, unknown>) =>
    JSON.stringify({
      nodes: [
        {
          name: "db-1",
          listen: "127.0.0.1:7101",
          token: "hat_host-actions-test-0123",
          driver: "simulated",
          simulated: { cluster: "c", role: "primary" },
          ...sections,
        },
      ],
    });

  it("reads commands and pgbouncer, with PgBouncer's defaults", () => {
    const [parsed] = parseConfig(
      node({
        commands: { allow: ["/usr/local/bin/dns-hook"] },
        pgbouncer: { user: "haops", databasesFile: "/etc/pgbouncer/haops-databases.ini" },
      }),
    ).nodes;
    expect(parsed?.commands).toEqual({ allow: ["/usr/local/bin/dns-hook"] });
    expect(parsed?.pgbouncer).toEqual({
      host: "127.0.0.1",
      port: 6432,
      user: "haops",
      databasesFile: "/etc/pgbouncer/haops-databases.ini",
      connectTimeoutMs: 2_000,
      pauseTimeoutMs: 10_000,
    });
  });

  it.each([
    [{ commands: { allow: ["dns-hook"] } }, "config: nodes.0.commands.allow.0: must be an absolute path"],
    [{ commands: { allow: ["/usr/bin/../bin/x"] } }, "config: nodes.0.commands.allow.0: must be written plainly"],
    [{ pgbouncer: { user: "haops", databasesFile: "dbs.ini" } }, "config: nodes.0.pgbouncer.databasesFile: must be"],
  ])("refuses %j", (sections, problem) => {
    expect(() => parseConfig(node(sections))).toThrow(problem);
  });
});
