import { describe, expect, it } from "vitest";
import { parseReplicaStatus, replicaProblem, roleOf } from "./replica-status.ts";

// The columns read, as MariaDB 10.11 names them in SHOW REPLICA STATUS (mysql2 gives numbers as numbers).
const mariadb = {
  Slave_IO_State: "Waiting for master to send event",
  Master_Host: "10.0.0.11",
  Master_Port: 3306,
  Master_Log_File: "db-1-bin.000003",
  Read_Master_Log_Pos: 9_200,
  Relay_Master_Log_File: "db-1-bin.000003",
  Exec_Master_Log_Pos: 8_000,
  Slave_IO_Running: "Yes",
  Slave_SQL_Running: "Yes",
  Last_IO_Error: "",
  Last_SQL_Error: "",
  Seconds_Behind_Master: 2,
  Gtid_IO_Pos: "0-1-1043",
};

// The same, as MySQL 8.0.22+ names them.
const mysql = {
  Source_Host: "10.0.0.11",
  Source_Port: 3306,
  Source_Log_File: "binlog.000007",
  Read_Source_Log_Pos: 500,
  Relay_Source_Log_File: "binlog.000006",
  Exec_Source_Log_Pos: 90_000,
  Replica_IO_Running: "Connecting",
  Replica_SQL_Running: "Yes",
  Last_IO_Error: "error connecting to source 'repl@10.0.0.11:3306'",
  Last_SQL_Error: "",
  Seconds_Behind_Source: null,
};

describe("parseReplicaStatus", () => {
  it("reads MariaDB's columns: threads, upstream, lag in seconds and in relay bytes within one file", () => {
    expect(parseReplicaStatus(mariadb)).toEqual({
      io: "running",
      sqlRunning: true,
      ioError: "",
      sqlError: "",
      host: "10.0.0.11",
      port: 3306,
      secondsBehind: 2,
      lagBytes: 1_200,
      executed: { file: "db-1-bin.000003", position: 8_000 },
      receivedGtid: "0-1-1043",
    });
  });

  it("reads MySQL 8's; bytes across two binlog files are unknown, not guessed", () => {
    expect(parseReplicaStatus(mysql)).toMatchObject({
      io: "connecting",
      sqlRunning: true,
      host: "10.0.0.11",
      secondsBehind: null,
      lagBytes: null,
      executed: { file: "binlog.000006", position: 90_000 },
      receivedGtid: null,
    });
  });

  it("takes an IO thread that is just starting for one that connects", () => {
    expect(parseReplicaStatus({ ...mariadb, Slave_IO_Running: "Preparing" }).io).toBe("connecting");
    expect(parseReplicaStatus({ ...mariadb, Slave_IO_Running: "No" }).io).toBe("stopped");
  });
});

describe("replicaProblem", () => {
  it("lets an IO thread retry a lost primary: that replica is the failover's target", () => {
    expect(replicaProblem(parseReplicaStatus(mysql))).toBeNull();
  });

  it("names a stopped thread with its error", () => {
    const broken = parseReplicaStatus({
      ...mariadb,
      Slave_IO_Running: "No",
      Last_IO_Error: "Got fatal error 1236 from master: the binlog is missing the GTID 0-1-1041",
      Slave_SQL_Running: "No",
      Last_SQL_Error: "Duplicate entry '7' for key 'PRIMARY'",
    });
    expect(replicaProblem(broken)).toBe(
      "IO thread stopped: Got fatal error 1236 from master: the binlog is missing the GTID 0-1-1041; " +
        "SQL thread stopped: Duplicate entry '7' for key 'PRIMARY'",
    );
  });
});

describe("roleOf", () => {
  const stopped = parseReplicaStatus({ ...mariadb, Slave_IO_Running: "No", Slave_SQL_Running: "No" });

  it("is primary without a replica configuration, fenced (read-only) or not", () => {
    expect(roleOf(false, null)).toBe("primary");
    expect(roleOf(true, null)).toBe("primary");
  });

  it("is standby while it replicates, or stopped and read-only", () => {
    expect(roleOf(true, parseReplicaStatus(mariadb))).toBe("standby");
    expect(roleOf(true, stopped)).toBe("standby");
  });

  it("is primary when its threads are stopped and it takes writes", () => {
    expect(roleOf(false, stopped)).toBe("primary");
  });
});
