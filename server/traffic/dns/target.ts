// The server a name is updated at, its zone and TSIG key, as callers give them; checked once per call.
import { isIP } from "node:net";
import { checkName, zoneName } from "./names.ts";
import type { TsigKey } from "./tsig.ts";

export interface DnsKey {
  name: string;
  algorithm: "hmac-sha256" | "hmac-sha512";
  /** The shared secret, base64 as in the server's key configuration. */
  secret: string;
}

export interface DnsServer {
  host: string;
  port: number;
  zone: string;
  key: DnsKey;
  timeoutMs: number;
}

export interface CheckedServer {
  host: string;
  port: number;
  zone: string;
  key: TsigKey;
  timeoutMs: number;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ALGORITHMS: readonly string[] = ["hmac-sha256", "hmac-sha512"];
const MAX_TTL = 2 ** 31 - 1;

/** The server with its zone and key checked and the secret decoded, or an Error naming what is wrong. */
export function checkServer(server: DnsServer): CheckedServer {
  const { host, port, key, timeoutMs } = server;
  if (!host.trim() || (host.includes(":") && isIP(host) !== 6)) throw new Error(`the DNS host "${host}" is not valid`);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`the DNS port ${port} is not 1-65535`);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`the DNS timeout ${timeoutMs} ms is not positive`);
  if (!ALGORITHMS.includes(key.algorithm)) {
    throw new Error(`the TSIG algorithm "${key.algorithm}" is not one of ${ALGORITHMS.join(", ")}`);
  }
  const keyName = key.name.endsWith(".") ? key.name.slice(0, -1) : key.name;
  checkName(keyName, "TSIG key name");
  if (!key.secret || !BASE64.test(key.secret)) throw new Error(`the secret of the TSIG key "${keyName}" is not base64`);
  const secret = Buffer.from(key.secret, "base64");
  return { host, port, timeoutMs, zone: zoneName(server.zone), key: { ...key, name: keyName, secret } };
}

export function checkTtl(ttl: number): number {
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL) throw new Error(`the TTL ${ttl} is not 0-${MAX_TTL} seconds`);
  return ttl;
}
