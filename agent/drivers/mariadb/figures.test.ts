import { describe, expect, it } from "vitest";
import { primaryFigures, primaryMode, replicaFigures } from "./figures.ts";
import type { Observed } from "./queries.ts";
import { parseReplicaStatus } from "./replica-status.ts";

const peers = [
  { name: "db-1", host: "10.0.0.11", port: 3306 },
  { name: "db-2", host: "10.0.0.12", port: 3306 },
];

const semiSync = { primaryEnabled: true, primaryActive: true, afterSync: true, clients: 1, replicaActive: false };

const primary: Observed = {
  mariadb: true,
  serverId: 1,
  readOnly: false,
  replica: null,
  gtid: { binlogPos: "0-1-1043", slavePos: "", currentPos: "0-1-1043", binlogState: "0-1-1043" },
  semiSync,
  replicas: [{ serverId: 2, host: "10.0.0.12", port: 3306 }],
  binlog: { file: "db-1-bin.000003", position: 9_200 },
};

const replica: Observed = {
  ...primary,
  serverId: 2,
  readOnly: true,
  replica: parseReplicaStatus({
    Master_Host: "10.0.0.11",
    Master_Port: 3306,
    Master_Log_File: "db-1-bin.000003",
    Read_Master_Log_Pos: 9_200,
    Relay_Master_Log_File: "db-1-bin.000003",
    Exec_Master_Log_Pos: 9_000,
    Slave_IO_Running: "Yes",
    Slave_SQL_Running: "Yes",
    Seconds_Behind_Master: 0,
    Gtid_IO_Pos: "0-1-1043",
  }),
  gtid: { binlogPos: "0-1-1041", slavePos: "0-1-1041", currentPos: "0-1-1041", binlogState: "0-1-1041" },
  semiSync: { ...semiSync, primaryEnabled: false, primaryActive: false, clients: 0, replicaActive: true },
  replicas: [],
};

describe("replicaFigures", () => {
  it("names the upstream, says sync while it acknowledges, and counts lag three ways", () => {
    const figures = replicaFigures(replica, peers, { heartbeatLagSeconds: null, upstreamGtid: "0-1-1045" });
    expect(figures).toEqual({
      upstream: "db-1",
      mode: "sync",
      lagBytes: 200,
      lagSeconds: 0,
      gtid: "0-1-1041",
      lagTransactions: 4,
    });
  });

  it("prefers the heartbeat's age, and counts what it received when the upstream does not answer", () => {
    const figures = replicaFigures(replica, peers, { heartbeatLagSeconds: 12.5, upstreamGtid: null });
    expect(figures).toMatchObject({ lagSeconds: 12.5, lagTransactions: 2 });
  });
});

describe("primaryFigures", () => {
  it("reports each replica by its peer name, sync state and the bytes it has yet to execute", () => {
    const positions = new Map([["db-2", { file: "db-1-bin.000003", position: 8_700, threads: "running" as const }]]);
    expect(primaryFigures(primary, peers, positions)).toEqual({
      mode: "sync",
      gtid: "0-1-1043",
      standbys: [{ name: "db-2", state: "streaming", syncState: "sync", lagBytes: 500 }],
    });
  });

  it("leaves out a replica whose position it does not know rather than call it caught up", () => {
    const elsewhere = new Map([["db-2", { file: "db-1-bin.000002", position: 10, threads: "running" as const }]]);
    expect(primaryFigures(primary, peers, new Map()).standbys).toEqual([]);
    expect(primaryFigures(primary, peers, elsewhere).standbys).toEqual([]);
  });
});

describe("primaryMode", () => {
  it("is sync only for semi-sync AFTER_SYNC, active, with a replica acknowledging", () => {
    expect(primaryMode(primary)).toBe("sync");
    expect(primaryMode({ ...primary, semiSync: { ...semiSync, afterSync: false } })).toBe("async");
    // Fallen back to async after rpl_semi_sync_master_timeout, or no replica connected.
    expect(primaryMode({ ...primary, semiSync: { ...semiSync, primaryActive: false } })).toBe("async");
    expect(primaryMode({ ...primary, semiSync: { ...semiSync, clients: 0 } })).toBe("async");
  });
});
