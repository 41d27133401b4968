// SSRF at save: an admin may not point a webhook at link-local, cloud metadata, unspecified or (by
// default) private addresses, however the address is written — through the REST API (400 naming
// `url`) and tRPC (BAD_REQUEST on `url`) alike; nothing is stored. Public targets are saved.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import * as webhooksRoute from "../../app/api/v1/webhooks/route.ts";
import type { SessionUser } from "../auth/session.ts";
import { db } from "../db/client.ts";
import { createCaller } from "../trpc/root.ts";
import { makeUser, sessionCookie } from "../testing/users.ts";

const REFUSED = [
  "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
  "http://[fe80::1]/",
  "http://[fd00:ec2::254]/latest/api/token",
  "http://[fd20:ce::254]/computeMetadata/v1/",
  "http://100.100.100.200/latest/meta-data/",
  "http://168.63.129.16/machine",
  "http://192.0.0.192/",
  "http://0.0.0.0:3000/",
  "http://[::]/",
  "http://0/",
  "http://127.0.0.1:5432/",
  "http://127.0.0.1:6379/",
  "http://localhost:9200/",
  "http://[::1]:8080/",
  "http://10.0.0.5/",
  "http://192.168.1.1/",
  "http://[fd12:3456::1]/",
  // Obfuscated spellings of 127.0.0.1 and 169.254.169.254.
  "http://2130706433/",
  "http://0x7f.1/",
  "http://0177.0.0.1:22/",
  "http://0x7f000001/",
  "http://127.1/",
  "http://2852039166/",
  "http://0xa9.0xfe.0xa9.0xfe/",
  "http://0251.0376.0251.0376/",
  // IPv4-mapped and other IPv6 forms carrying them.
  "http://[::ffff:169.254.169.254]/",
  "http://[::ffff:a9fe:a9fe]/",
  "http://[0:0:0:0:0:ffff:7f00:1]/",
  "http://[64:ff9b::a9fe:a9fe]/",
  "http://[::ffff:0.0.0.0]/",
];

let admin: SessionUser;
let cookie = "";

beforeAll(async () => {
  admin = await makeUser("admin");
  cookie = await sessionCookie(admin.email);
});

function post(body: unknown) {
  const headers = { cookie, "content-type": "application/json", origin: "http://localhost" };
  const init = { method: "POST", headers, body: JSON.stringify(body) };
  return webhooksRoute.POST(new Request("http://localhost/api/v1/webhooks", init));
}

async function trpcRefusal(url: string) {
  const created = createCaller({ db: db(), user: admin }).webhooks.create({ url, events: ["*"], format: "standard" });
  const error = await created.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const { code, cause } = error as TRPCError;
  expect(cause).toBeInstanceOf(ZodError);
  return { code, path: (cause as ZodError).issues[0]?.path, message: (cause as ZodError).issues[0]?.message };
}

describe("webhook targets at save", () => {
  it("refuses every link-local, metadata, unspecified and private address form with 400 naming url", async () => {
    for (const url of REFUSED) {
      const response = await post({ url, events: ["*"] });
      const body = (await response.json()) as { field?: string; message?: string };
      expect({ url, status: response.status, field: body.field }).toEqual({ url, status: 400, field: "url" });
      const reason = /^url: refused: .* is an? [a-z -]+.*; (no setting opens it|\w+_ALLOWED_NETWORKS can open it)$/;
      expect(body.message).toMatch(reason);
      expect(await trpcRefusal(url)).toMatchObject({ code: "BAD_REQUEST", path: ["url"] });
    }
    expect(await db().webhookEndpoint.count({ where: { url: { in: REFUSED } } })).toBe(0);
  });

  it("says what the address is, whatever its spelling", async () => {
    const body = async (url: string) => {
      const response = await post({ url, events: ["*"] });
      return ((await response.json()) as { message: string }).message;
    };
    const metadata = "is a link-local address, where cloud metadata services answer; no setting opens it";
    expect(await body("http://0xa9.0xfe.0xa9.0xfe/")).toBe(`url: refused: 169.254.169.254 ${metadata}`);
    expect(await body("http://2130706433/")).toBe(
      "url: refused: 127.0.0.1 is a loopback address; CONSOLE_WEBHOOK_ALLOWED_NETWORKS can open it",
    );
    const mapped = await trpcRefusal("http://[::ffff:a9fe:a9fe]/");
    expect(mapped.message).toBe(`refused: ::ffff:a9fe:a9fe (169.254.169.254) ${metadata}`);
  });

  it("saves public addresses and names (a name is judged when it is sent to)", async () => {
    for (const url of ["https://hooks.example.com/alerts", "http://203.0.113.10:8080/hook"]) {
      const response = await post({ url, events: ["node.down"] });
      expect({ url, status: response.status }).toEqual({ url, status: 201 });
      await db().webhookEndpoint.deleteMany({ where: { url } });
    }
  });
});
