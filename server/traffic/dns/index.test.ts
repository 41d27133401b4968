import { expect, it } from "vitest";
import { addAddresses, answerAt, DnsError, type DnsServer, removeAddresses, replaceAddresses } from "./index.ts";

// Port 9 on 127.0.0.1: any request that got past the checks would fail as a DnsError instead.
const server: DnsServer = {
  host: "127.0.0.1",
  port: 9,
  zone: "example.test",
  timeoutMs: 500,
  key: { name: "update-key", algorithm: "hmac-sha256", secret: "c2VjcmV0" },
};

const refusedBeforeSending = async (call: Promise<unknown>, message: RegExp) => {
  const error = await call.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(DnsError);
  expect((error as Error).message).toMatch(message);
};

it("refuses bad names, addresses and TTLs before anything is sent, naming what is wrong", async () => {
  await refusedBeforeSending(replaceAddresses(server, "db.other.test.", ["192.0.2.1"], 30), /not inside the zone/);
  await refusedBeforeSending(replaceAddresses(server, "db", ["192.0.2.300"], 30), /"192.0.2.300" is not an IPv4/);
  await refusedBeforeSending(replaceAddresses(server, "db", ["192.0.2.1"], -1), /the TTL -1 is not/);
  await refusedBeforeSending(addAddresses(server, "db", [], 30), /no address given/);
  await refusedBeforeSending(removeAddresses(server, `${"x".repeat(64)}`, ["192.0.2.1"]), /at most 63/);
  await refusedBeforeSending(answerAt(server, "a..b"), /empty label/);
});

it("refuses a server whose port, timeout or key is wrong", async () => {
  const bad = (change: Partial<DnsServer>) => answerAt({ ...server, ...change }, "db");
  await refusedBeforeSending(bad({ port: 70_000 }), /port 70000 is not 1-65535/);
  await refusedBeforeSending(bad({ timeoutMs: 0 }), /timeout 0 ms is not positive/);
  await refusedBeforeSending(bad({ key: { ...server.key, secret: "not base64!" } }), /is not base64/);
  const md5 = { ...server.key, algorithm: "hmac-md5" as "hmac-sha256" };
  await refusedBeforeSending(bad({ key: md5 }), /"hmac-md5" is not one of hmac-sha256, hmac-sha512/);
  await refusedBeforeSending(bad({ key: { ...server.key, name: "" } }), /TSIG key name is empty/);
});
