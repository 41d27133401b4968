// Hooks and routes as admins save them through tRPC: the whole list replaced and audited, an http
// hook's secret shown once and kept while its name stays, a TSIG secret never shown and kept when
// omitted; a bad field refused naming it, with nothing changed; viewers read, only admins write.
import { expect, it } from "vitest";
import { db } from "../db/client.ts";
import { uniqueName } from "../testing/databases.ts";
import { makeUser } from "../testing/users.ts";
import { createCaller } from "../trpc/root.ts";

async function cluster() {
  const name = uniqueName("hooks");
  await db().cluster.create({
    data: {
      name,
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      nodes: {
        create: [
          { name: "db-1", region: "r", zone: "z" },
          { name: "db-2", region: "r", zone: "z" },
        ],
      },
    },
  });
  return name;
}

const http = { name: "point-lb", phase: "after_promote", kind: "http", url: "https://lb.example.com/hook" } as const;
const command = {
  name: "flush",
  phase: "after_action" as const,
  kind: "command" as const,
  node: "db-2",
  argv: ["/usr/local/bin/flush"],
};

it("replaces the hooks, shows a new http hook's secret once and keeps it while its name stays; audited", async () => {
  const name = await cluster();
  const admin = createCaller({ db: db(), user: await makeUser("admin") });
  const first = await admin.hooks.replaceHooks({ cluster: name, hooks: [http, command], reason: "route the LB" });
  expect(Object.keys(first.secrets)).toEqual(["point-lb"]);
  expect(first.secrets["point-lb"]).toMatch(/^whsec_/);
  const again = await admin.hooks.replaceHooks({
    cluster: name,
    hooks: [
      { ...command, required: false },
      { ...http, timeoutMs: 2_000 },
    ],
    reason: "reorder",
  });
  expect(again.secrets).toEqual({});
  const row = await db().clusterHook.findFirstOrThrow({ where: { name: "point-lb", cluster: { name } } });
  expect(row.secret).toBe(first.secrets["point-lb"]);
  const viewer = createCaller({ db: db(), user: await makeUser("viewer") });
  await expect(viewer.hooks.hooks({ cluster: name })).rejects.toMatchObject({ code: "FORBIDDEN" });
  const listed = await admin.hooks.hooks({ cluster: name });
  expect(listed.map((h) => `${h.name}:${h.required}:${h.timeoutMs}`)).toEqual([
    "flush:false:10000",
    "point-lb:true:2000",
  ]);
  expect(JSON.stringify(listed)).not.toContain("whsec_");
  const audit = await db().auditEntry.findFirstOrThrow({
    where: { action: "cluster.hooks", target: name, reason: "reorder" },
  });
  expect(audit.details).toMatchObject({
    added: [],
    changed: ["flush", "point-lb"],
    removed: [],
    order: ["flush", "point-lb"],
  });
});

it("refuses a bad hook naming its field, and a viewer's write; nothing changes", async () => {
  const name = await cluster();
  const admin = createCaller({ db: db(), user: await makeUser("admin") });
  const refused = (hooks: unknown[]) =>
    admin.hooks.replaceHooks({ cluster: name, hooks: hooks as never, reason: "bad" });
  await expect(refused([{ ...command, node: "db-9" }])).rejects.toThrow(/hooks\.0\.node: .+ has no node db-9/);
  await expect(refused([{ ...http, url: "ftp://x" }])).rejects.toMatchObject({ code: "BAD_REQUEST" });
  await expect(refused([{ ...command, argv: ["flush"] }])).rejects.toThrow(/argv\[0\] is an absolute path/);
  await expect(refused([http, http])).rejects.toThrow(/hook names are unique/);
  await expect(refused([{ ...http, phase: "whenever" }])).rejects.toMatchObject({ code: "BAD_REQUEST" });
  await expect(refused([{ ...http, url: "http://169.254.169.254/latest" }])).rejects.toThrow(/refused/);
  await expect(refused([{ ...http, url: "https://ops:secret@lb.example.com/" }])).rejects.toThrow(
    /no user or password/,
  );
  const viewer = createCaller({ db: db(), user: await makeUser("operator") });
  await expect(viewer.hooks.replaceHooks({ cluster: name, hooks: [http], reason: "mine" })).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  expect(await db().clusterHook.count({ where: { cluster: { name } } })).toBe(0);
});

it("saves routes and client addresses; a TSIG secret is never shown and kept when omitted", async () => {
  const name = await cluster();
  const admin = createCaller({ db: db(), user: await makeUser("admin") });
  const dns = {
    name: "write-name",
    kind: "dns",
    server: "10.0.0.53:53",
    zone: "example.com",
    record: "db",
    key: { name: "console", secret: "c2VjcmV0LXNlY3JldA==" },
  } as const;
  const pool = { name: "pool", kind: "pgbouncer", node: "db-1", database: "app" } as const;
  await admin.hooks.replaceRoutes({
    cluster: name,
    routes: [dns, pool],
    addresses: { "db-1": "10.0.0.1:5432", "db-2": "[2001:db8::2]:5432" },
    reason: "client routes",
  });
  const { key: _, ...keyless } = dns;
  await admin.hooks.replaceRoutes({
    cluster: name,
    routes: [{ ...keyless, key: { name: "console" }, ttl: 10 }],
    reason: "shorter TTL",
  });
  const listed = await admin.hooks.routes({ cluster: name });
  expect(listed).toEqual({
    routes: [
      {
        name: "write-name",
        kind: "dns",
        server: "10.0.0.53:53",
        zone: "example.com",
        record: "db",
        ttl: 10,
        key: { name: "console", algorithm: "hmac-sha256" },
        timeoutMs: 5000,
      },
    ],
    addresses: { "db-1": "10.0.0.1:5432", "db-2": "[2001:db8::2]:5432" },
  });
  const row = await db().clientRoute.findFirstOrThrow({ where: { cluster: { name } } });
  expect(row.keySecret).toBe("c2VjcmV0LXNlY3JldA==");
  await admin.hooks.replaceRoutes({
    cluster: name,
    routes: [{ ...keyless, key: { name: "console", secret: "cm90YXRlZC1zZWNyZXQ=" }, ttl: 10 }],
    reason: "rotate the key",
  });
  const rotated = await db().auditEntry.findFirstOrThrow({
    where: { action: "cluster.routes", target: name, reason: "rotate the key" },
  });
  expect(rotated.details).toMatchObject({ changed: ["write-name"], added: [], removed: [] });
  const refused = (input: Record<string, unknown>) =>
    admin.hooks.replaceRoutes({ cluster: name, routes: [], reason: "bad", ...input } as never);
  await expect(refused({ routes: [{ ...keyless, name: "new", key: { name: "console" } }] })).rejects.toThrow(
    /routes\.0\.key\.secret: a new DNS route needs its TSIG key's secret/,
  );
  await expect(refused({ addresses: { "db-9": "10.0.0.9:1" } })).rejects.toThrow(/addresses\.db-9/);
  await expect(refused({ addresses: { "db-1": "10.0.0.1" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  await expect(refused({ routes: [{ ...pool, node: "db-9" }] })).rejects.toThrow(/routes\.0\.node/);
  await expect(refused({ routes: [pool], addresses: { "db-2": null } })).rejects.toThrow(
    /addresses\.db-2: the client routes need db-2's client address/,
  );
  await expect(
    refused({ routes: [{ ...keyless, key: { name: "console" } }], addresses: { "db-1": "db1.internal:5432" } }),
  ).rejects.toThrow(/addresses\.db-1: a DNS route needs db-1's client address as an IP address/);
  expect((await admin.hooks.routes({ cluster: name })).routes).toHaveLength(1);
});
