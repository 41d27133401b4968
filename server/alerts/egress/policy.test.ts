import { describe, expect, it } from "vitest";
import { parseAddress } from "./address.ts";
import { NO_NETWORKS, networks } from "./networks.ts";
import { judgeAddress } from "./policy.ts";

const judge = (text: string, allowed: string[] = [], denied: string[] = []) =>
  judgeAddress(parseAddress(text)!, { allowed: networks(...allowed), denied: networks(...denied) });
const reason = (verdict: ReturnType<typeof judge>) => (verdict.allowed ? "allowed" : verdict.reason);

const METADATA = [
  "169.254.169.254",
  "169.254.170.2",
  "fe80::1",
  "fd00:ec2::254",
  "fd00:ec2::23",
  "fd20:ce::254",
  "100.100.100.200",
  "168.63.129.16",
  "192.0.0.192",
  "0.0.0.0",
  "::",
  "::ffff:169.254.169.254",
  "::ffff:a9fe:a9fe",
  "64:ff9b::a9fe:a9fe",
  "::ffff:0.0.0.0",
  "224.0.0.1",
  "ff02::1",
  "255.255.255.255",
];

describe("webhook egress policy", () => {
  it("never allows link-local, metadata, unspecified, multicast or broadcast addresses, whatever is allowed", () => {
    for (const text of METADATA) {
      const opened = ["0.0.0.0/0", "::/0", text.includes(":") ? "fd00::/8" : "169.254.0.0/16"];
      const verdict = reason(judge(text, opened));
      expect({ text, verdict }).toEqual({ text, verdict: expect.stringMatching(/no setting opens it$/) });
    }
    expect(reason(judge("169.254.169.254"))).toBe(
      "169.254.169.254 is a link-local address, where cloud metadata services answer; no setting opens it",
    );
  });

  it("refuses private addresses by default, and allows them once their network is allowed", () => {
    const closed = [
      "127.0.0.1",
      "::1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "fd12::1",
      "100.64.0.1",
      "::ffff:127.0.0.1",
    ];
    for (const text of closed) {
      const verdict = reason(judge(text));
      expect({ text, verdict }).toEqual({ text, verdict: expect.stringMatching(/ALLOWED_NETWORKS can open it$/) });
    }
    const loopback = "127.0.0.1 is a loopback address; CONSOLE_WEBHOOK_ALLOWED_NETWORKS can open it";
    expect(reason(judge("127.0.0.1"))).toBe(loopback);
    expect(judge("127.0.0.1", ["127.0.0.0/8"])).toEqual({ allowed: true });
    expect(judge("::ffff:7f00:1", ["127.0.0.0/8"])).toEqual({ allowed: true });
    expect(judge("10.1.2.3", ["10.1.0.0/16"])).toEqual({ allowed: true });
    expect(judge("10.2.0.1", ["10.1.0.0/16"]).allowed).toBe(false);
  });

  it("allows public addresses unless denied; the most specific network decides, a tie is denied", () => {
    expect(judgeAddress(parseAddress("203.0.113.10")!, NO_NETWORKS)).toEqual({ allowed: true });
    expect(judgeAddress(parseAddress("2001:db8::1")!, NO_NETWORKS)).toEqual({ allowed: true });
    const denied = "203.0.113.10 is in CONSOLE_WEBHOOK_DENIED_NETWORKS (0.0.0.0/0)";
    expect(reason(judge("203.0.113.10", [], ["0.0.0.0/0"]))).toBe(denied);
    // Pinned egress: everything denied but the receivers' network.
    expect(judge("203.0.113.10", ["203.0.113.0/24"], ["0.0.0.0/0", "::/0"])).toEqual({ allowed: true });
    expect(judge("198.51.100.1", ["203.0.113.0/24"], ["0.0.0.0/0", "::/0"]).allowed).toBe(false);
    // A hole in an opened private range.
    expect(judge("10.0.5.1", ["10.0.0.0/8"], ["10.0.5.0/24"]).allowed).toBe(false);
    expect(judge("10.0.6.1", ["10.0.0.0/8"], ["10.0.5.0/24"])).toEqual({ allowed: true });
    expect(judge("10.0.5.1", ["10.0.5.0/24"], ["10.0.5.0/24"]).allowed).toBe(false);
  });
});
