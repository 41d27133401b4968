import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLaunchConfig } from "./config.ts";

describe("launch config", () => {
  it("defaults to the embedded database in ./.data with the demo fleet on port 3000", () => {
    expect(readLaunchConfig({})).toMatchObject({
      databaseUrl: undefined,
      port: 3000,
      host: "0.0.0.0",
      dataDir: path.resolve(".data"),
      seedDemoFleet: true,
      demoAgents: true,
      demoAgentPort: 7101,
      admin: undefined,
      authSecret: undefined,
      retention: { sampleMs: 48 * 3_600_000, rollupMs: 90 * 24 * 3_600_000, eventMs: 365 * 24 * 3_600_000 },
      sampleBuffer: 500_000,
      leaderLeaseMs: 4_000,
      webhookNetworks: { allowed: [], denied: [] },
      publicUrl: undefined,
      linkBase: "http://localhost:3000",
      logFormat: "text",
    });
  });

  it("writes JSON logs when CONSOLE_LOG_FORMAT says json, and refuses any other format", () => {
    expect(readLaunchConfig({ CONSOLE_LOG_FORMAT: "json" }).logFormat).toBe("json");
    expect(() => readLaunchConfig({ CONSOLE_LOG_FORMAT: "logfmt" })).toThrow(
      /CONSOLE_LOG_FORMAT: CONSOLE_LOG_FORMAT must be text or json/,
    );
  });

  it("points webhook links at CONSOLE_PUBLIC_URL, else at the address the console listens on", () => {
    const ops = "https://ops.example.com";
    expect(readLaunchConfig({ CONSOLE_PUBLIC_URL: ops })).toMatchObject({ publicUrl: ops, linkBase: ops });
    expect(readLaunchConfig({ HOST: "10.0.0.5", PORT: "8080" }).linkBase).toBe("http://10.0.0.5:8080");
    expect(() => readLaunchConfig({ CONSOLE_PUBLIC_URL: "ops.example.com" })).toThrow(
      /CONSOLE_PUBLIC_URL must be a URL/,
    );
  });

  it("reads the webhook networks as CIDR lists, refusing a bad entry at start", () => {
    const config = readLaunchConfig({
      CONSOLE_WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8, 10.1.0.0/16",
      CONSOLE_WEBHOOK_DENIED_NETWORKS: "::/0",
    });
    expect(config.webhookNetworks.allowed.map((n) => n.text)).toEqual(["127.0.0.0/8", "10.1.0.0/16"]);
    expect(config.webhookNetworks.denied.map((n) => n.text)).toEqual(["::/0"]);
    const bad = (env: Record<string, string>) => () => readLaunchConfig(env);
    expect(bad({ CONSOLE_WEBHOOK_ALLOWED_NETWORKS: "10.0.0.0/33" })).toThrow(/ALLOWED_NETWORKS: 10.0.0.0\/33/);
    expect(bad({ CONSOLE_WEBHOOK_DENIED_NETWORKS: "intranet" })).toThrow(/DENIED_NETWORKS: intranet is not/);
  });

  it("uses DATABASE_URL as given and seeds nothing into it unless asked", () => {
    const url = "postgresql://u:p@db.internal:5432/console";
    expect(readLaunchConfig({ DATABASE_URL: url })).toMatchObject({
      databaseUrl: url,
      seedDemoFleet: false,
      demoAgents: false,
    });
    expect(readLaunchConfig({ DATABASE_URL: url, CONSOLE_DEMO_FLEET: "1" }).seedDemoFleet).toBe(true);
  });

  it("refuses bad values, naming the variable", () => {
    expect(() => readLaunchConfig({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => readLaunchConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(() => readLaunchConfig({ CONSOLE_DEMO_FLEET: "maybe" })).toThrow(/CONSOLE_DEMO_FLEET/);
    expect(() => readLaunchConfig({ CONSOLE_SAMPLE_RETENTION_HOURS: "-1" })).toThrow(/CONSOLE_SAMPLE_RETENTION_HOURS/);
    expect(() => readLaunchConfig({ CONSOLE_EVENT_RETENTION_DAYS: "1" })).toThrow(/CONSOLE_EVENT_RETENTION_DAYS/);
    expect(() => readLaunchConfig({ CONSOLE_LEADER_LEASE_MS: "500" })).toThrow(/CONSOLE_LEADER_LEASE_MS/);
    expect(() => readLaunchConfig({ CONSOLE_LEADER_LEASE_MS: "2.5s" })).toThrow(/CONSOLE_LEADER_LEASE_MS/);
    expect(() => readLaunchConfig({ CONSOLE_ADMIN_EMAIL: "ops@example.com" })).toThrow(
      /both CONSOLE_ADMIN_EMAIL and CONSOLE_ADMIN_PASSWORD/,
    );
    expect(() => readLaunchConfig({ CONSOLE_ADMIN_EMAIL: "ops@example.com", CONSOLE_ADMIN_PASSWORD: "short" })).toThrow(
      /CONSOLE_ADMIN_PASSWORD/,
    );
  });

  it("takes the first admin from CONSOLE_ADMIN_EMAIL and CONSOLE_ADMIN_PASSWORD", () => {
    const config = readLaunchConfig({
      CONSOLE_ADMIN_EMAIL: " Ops@Example.com",
      CONSOLE_ADMIN_PASSWORD: "correct horse battery",
    });
    expect(config.admin).toEqual({ email: "ops@example.com", password: "correct horse battery" });
  });
});
