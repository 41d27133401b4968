import { describe, expect, it } from "vitest";
import { lagBytes, parseInfo, replicaLag, replicationInfo } from "./info.ts";

const MASTER = [
  "# Replication",
  "role:master",
  "connected_slaves:1",
  "min_slaves_good_slaves:1",
  "slave0:ip=127.0.0.1,port=17002,state=online,offset=50,lag=1",
  "slave1:ip=10.0.0.3,port=6379,state=wait_bgsave,offset=0,lag=0",
  "master_replid:4cb8a2a44c1231f00d86b8b698a735568a8d00ce",
  "master_repl_offset:100",
  "",
].join("\r\n");

const replica = (link: string, extra: string[] = []) =>
  [
    "# Replication",
    "role:slave",
    "master_host:127.0.0.1",
    "master_port:17001",
    `master_link_status:${link}`,
    `master_last_io_seconds_ago:${link === "up" ? 3 : -1}`,
    "master_sync_in_progress:0",
    "slave_read_repl_offset:100",
    "slave_repl_offset:73",
    ...extra,
    "master_repl_offset:73",
  ].join("\r\n");

describe("INFO replication", () => {
  it("reads a master's replicas as it last heard from them", () => {
    expect(replicationInfo(parseInfo(MASTER))).toEqual({
      role: "master",
      offset: 100,
      goodReplicas: 1,
      replicas: [
        { host: "127.0.0.1", port: 17002, state: "online", offset: 50, lagSeconds: 1 },
        { host: "10.0.0.3", port: 6379, state: "wait_bgsave", offset: 0, lagSeconds: 0 },
      ],
    });
  });

  it("reads a replica's link, its applied and received offsets", () => {
    expect(replicationInfo(parseInfo(replica("up")))).toEqual({
      role: "replica",
      offset: 73,
      readOffset: 100,
      masterHost: "127.0.0.1",
      masterPort: 17001,
      linkUp: true,
      syncing: false,
      lastIoSeconds: 3,
      downSeconds: null,
    });
    const down = replicationInfo(parseInfo(replica("down", ["master_link_down_since_seconds:12"])));
    expect(down).toMatchObject({ linkUp: false, lastIoSeconds: null, downSeconds: 12 });
  });

  it("says nothing of min-replicas where the master has none configured", () => {
    expect(replicationInfo(parseInfo("role:master\r\nmaster_repl_offset:0"))).toMatchObject({ goodReplicas: null });
  });
});

describe("lag", () => {
  it("is the master's offset less the replica's, never below zero", () => {
    expect(lagBytes(100, 73)).toBe(27);
    expect(lagBytes(100, 120)).toBe(0);
  });

  it("counts against the master's own offset when it was asked, else what was received and not applied", () => {
    const up = replicationInfo(parseInfo(replica("up")));
    if (up.role !== "replica") throw new Error("a replica");
    expect(replicaLag(up, 173)).toEqual({ lagBytes: 100, lagSeconds: 3 });
    expect(replicaLag(up, null)).toEqual({ lagBytes: 27, lagSeconds: 3 });
    expect(replicaLag(up, 73)).toEqual({ lagBytes: 0, lagSeconds: 0 });
  });

  it("in seconds, since the link went down when it is down", () => {
    const down = replicationInfo(parseInfo(replica("down", ["master_link_down_since_seconds:12"])));
    if (down.role !== "replica") throw new Error("a replica");
    expect(replicaLag(down, null)).toEqual({ lagBytes: 27, lagSeconds: 12 });
  });
});
