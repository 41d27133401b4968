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
});
