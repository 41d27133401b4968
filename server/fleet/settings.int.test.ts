import { describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { uniqueName } from "../testing/databases.ts";
import { makeUser } from "../testing/users.ts";
import { createCaller } from "../trpc/root.ts";
import { clusterDetail } from "./cluster-detail.ts";

describe("cluster settings", () => {
  it("lets an admin change them, audited with what changed; refuses bad values naming the field", async () => {
    const name = uniqueName("settings");
    await db().cluster.create({ data: { name, mode: "ACTIVE_PASSIVE", system: "postgresql" } });
    const admin = createCaller({ db: db(), user: await makeUser("admin") });
    await admin.fleet.updateSettings({
      cluster: name,
      settings: { intervalMs: 500, failureThreshold: 4, lagAlertBytes: 1024, policy: "automatic" },
      reason: "tighter detection",
    });
    const detail = await clusterDetail(db(), name);
    expect(detail).toMatchObject({
      intervalMs: 500,
      failureThreshold: 4,
      detectionBoundMs: 2800,
      policy: "automatic",
      alerts: { lagAlertBytes: 1024 },
    });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "cluster.settings", target: name } });
    expect(audit.details).toMatchObject({
      intervalMs: { from: "1000", to: "500" },
      policy: { from: "manual", to: "automatic" },
    });
    await expect(
      admin.fleet.updateSettings({ cluster: name, settings: { intervalMs: 10 }, reason: "too fast" }),
    ).rejects.toThrow(/intervalMs must be at least 100/);
    const operator = createCaller({ db: db(), user: await makeUser("operator") });
    await expect(
      operator.fleet.updateSettings({ cluster: name, settings: { intervalMs: 700 }, reason: "not mine" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await clusterDetail(db(), name))?.intervalMs).toBe(500);
  });

  it("hands a Redis cluster's failovers to Sentinel, and refuses that for any other system naming managedBy", async () => {
    const redis = uniqueName("sentinel");
    const postgres = uniqueName("not-sentinel");
    await db().cluster.create({ data: { name: redis, mode: "ACTIVE_PASSIVE", system: "redis" } });
    await db().cluster.create({ data: { name: postgres, mode: "ACTIVE_PASSIVE", system: "postgresql" } });
    const admin = createCaller({ db: db(), user: await makeUser("admin") });
    await admin.fleet.updateSettings({
      cluster: redis,
      settings: { managedBy: "sentinel" },
      reason: "Sentinel runs it",
    });
    expect((await clusterDetail(db(), redis))?.managedBy).toBe("sentinel");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "cluster.settings", target: redis } });
    expect(audit.details).toMatchObject({ managedBy: { from: "console", to: "sentinel" } });
    await expect(
      admin.fleet.updateSettings({ cluster: postgres, settings: { managedBy: "sentinel" }, reason: "wrong system" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: /managedBy: sentinel manages Redis clusters only/ });
    expect((await clusterDetail(db(), postgres))?.managedBy).toBe("console");
  });
});
