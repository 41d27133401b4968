import { describe, expect, it } from "vitest";
import { parseConfig } from "../../config.ts";

const node = (redis: Record<string, unknown>) =>
  JSON.stringify({
    nodes: [{ name: "cache-1", listen: "127.0.0.1:7101", token: "t".repeat(16), driver: "redis", redis }],
  });

describe("the redis driver's configuration", () => {
  it("fills in what an operator leaves out", () => {
    const [config] = parseConfig(node({ pidFile: "/run/redis/redis-server.pid" })).nodes;
    expect(config).toMatchObject({
      driver: "redis",
      redis: { host: "127.0.0.1", port: 6379, fence: "pause", connectTimeoutMs: 500, demoteWaitMs: 30_000, peers: [] },
    });
  });

  it("takes a Sentinel section with the default sentinel port", () => {
    const sentinel = { hosts: [{ host: "10.0.0.5" }], masterName: "cache" };
    const [config] = parseConfig(node({ pidFile: "/p", sentinel })).nodes;
    expect(config?.driver === "redis" && config.redis.sentinel).toEqual({
      hosts: [{ host: "10.0.0.5", port: 26379 }],
      masterName: "cache",
    });
  });

  it("names the wrong field", () => {
    expect(() => parseConfig(node({}))).toThrow("config: nodes.0.redis.pidFile:");
    expect(() => parseConfig(node({ pidFile: "/p", fence: "read-only" }))).toThrow("nodes.0.redis.fence");
    expect(() => parseConfig(node({ pidFile: "/p", startCommand: [] }))).toThrow("nodes.0.redis.startCommand");
    expect(() => parseConfig(node({ pidFile: "/p", sentinel: { hosts: [], masterName: "c" } }))).toThrow(
      "nodes.0.redis.sentinel.hosts",
    );
  });
});
