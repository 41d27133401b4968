import { describe, expect, it } from "vitest";
import { parseAddress, unwrapped } from "./address.ts";

/** What the connection would use: the URL parser's host, as an address. */
const hostOf = (url: string) => parseAddress(new URL(url).hostname);
const dotted = (value: bigint) => [24n, 16n, 8n, 0n].map((shift) => (value >> shift) & 0xffn).join(".");

describe("webhook target addresses", () => {
  it("reads numeric and obfuscated IPv4 hosts as the address they reach", () => {
    const forms = [
      "http://2130706433/",
      "http://0x7f.1/",
      "http://0177.0.0.1/",
      "http://127.1/",
      "http://0x7f000001/",
      "http://%31%32%37.0.0.1/",
      "http://127.0.0.1./",
      "http://[::ffff:127.0.0.1]/",
      "http://[0:0:0:0:0:ffff:7f00:1]/",
    ];
    for (const url of forms) {
      const address = unwrapped(hostOf(url)!);
      const seen = { url, version: address.version, at: dotted(address.value) };
      expect(seen).toEqual({ url, version: 4, at: "127.0.0.1" });
    }
  });

  it("unwraps every IPv6 form that carries an IPv4 address, and keeps IPv6's own", () => {
    const carried = [
      "::ffff:169.254.169.254",
      "::ffff:a9fe:a9fe",
      "::ffff:0:a9fe:a9fe",
      "64:ff9b::a9fe:a9fe",
      "::a9fe:a9fe",
      "2002:a9fe:a9fe::1",
    ];
    for (const text of carried) {
      const address = unwrapped(parseAddress(text)!);
      const seen = { text, at: dotted(address.value), version: address.version };
      expect(seen).toEqual({ text, at: "169.254.169.254", version: 4 });
      expect(address.text).toBe(`${text} (169.254.169.254)`);
    }
    for (const own of ["::", "::1", "fe80::1", "fd00:ec2::254", "2001:db8::1"]) {
      expect(unwrapped(parseAddress(own)!).version).toBe(6);
    }
  });

  it("parses IPv6 in full, compressed, bracketed and zoned forms", () => {
    expect(parseAddress("[fd00:ec2::254]")?.value).toBe(0xfd000ec2000000000000000000000254n);
    expect(parseAddress("fd00:0ec2:0:0:0:0:0:0254")?.value).toBe(0xfd000ec2000000000000000000000254n);
    expect(parseAddress("fe80::1%eth0")?.value).toBe(0xfe800000000000000000000000000001n);
    expect(parseAddress("::")?.value).toBe(0n);
    expect(hostOf("http://0/")).toMatchObject({ version: 4, value: 0n });
  });

  it("gives null for names", () => {
    for (const name of ["hooks.example.com", "localhost", "metadata.google.internal", "127.0.0.1.nip.io"]) {
      expect(parseAddress(name)).toBeNull();
    }
  });
});
