import { describe, expect, it } from "vitest";
import { parseConfig } from "../../config.ts";

const node = (mariadb: Record<string, unknown>) =>
  JSON.stringify({
    nodes: [{ name: "db-1", listen: "127.0.0.1:7101", token: "a-token-of-sixteen-chars", driver: "mariadb", mariadb }],
  });

describe("the mariadb driver's configuration", () => {
  it("fills in the defaults around a pid file", () => {
    const [parsed] = parseConfig(node({ pidFile: "/run/mysqld/mysqld.pid" })).nodes;
    expect(parsed).toMatchObject({
      driver: "mariadb",
      mariadb: {
        host: "127.0.0.1",
        port: 3306,
        user: "root",
        replicationUser: "replicator",
        replicationMode: "async",
        fence: "read-only",
        connectTimeoutMs: 500,
        rejoinArgs: ["--init-rpl-role=SLAVE", "--rpl-semi-sync-slave-enabled=ON"],
        peers: [],
      },
    });
  });

  it("names the wrong field", () => {
    expect(() => parseConfig(node({}))).toThrow("config: nodes.0.mariadb.pidFile:");
    expect(() => parseConfig(node({ pidFile: "/p", replicationMode: "quorum" }))).toThrow(
      "nodes.0.mariadb.replicationMode",
    );
    // The heartbeat's names go into SQL: only plain identifiers.
    expect(() =>
      parseConfig(node({ pidFile: "/p", heartbeat: { table: "ops.heartbeat; DROP TABLE x", column: "ts" } })),
    ).toThrow("nodes.0.mariadb.heartbeat.table: must be a table or column name");
  });
});
