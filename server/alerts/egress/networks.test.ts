import { describe, expect, it } from "vitest";
import { parseAddress } from "./address.ts";
import { contains, networkListSchema, networks, parseNetwork } from "./networks.ts";

const at = (text: string) => parseAddress(text)!;

describe("networks (CIDR)", () => {
  it("matches addresses inside the prefix only, of the same IP version", () => {
    const [ten, host, ula] = networks("10.0.0.0/8", "192.0.2.7", "fd00::/8");
    expect(contains(ten!, at("10.255.0.1"))).toBe(true);
    expect(contains(ten!, at("11.0.0.0"))).toBe(false);
    expect(contains(host!, at("192.0.2.7"))).toBe(true);
    expect(contains(host!, at("192.0.2.8"))).toBe(false);
    expect(contains(ula!, at("fd12::1"))).toBe(true);
    expect(contains(ula!, at("fe00::1"))).toBe(false);
    expect(contains(ten!, at("::ffff:10.0.0.1"))).toBe(false); // the policy unwraps before matching
    expect(contains(networks("0.0.0.0/0")[0]!, at("203.0.113.9"))).toBe(true);
    expect(contains(networks("::/0")[0]!, at("2001:db8::1"))).toBe(true);
  });

  it("refuses what is not a network, saying why", () => {
    expect(parseNetwork("10.0.0.1/8")).toBe("10.0.0.1/8 has host bits set past /8");
    expect(parseNetwork("10.0.0.0/33")).toBe("10.0.0.0/33: the prefix length is 0 to 32");
    expect(parseNetwork("fd00::/129")).toBe("fd00::/129: the prefix length is 0 to 128");
    expect(parseNetwork("10.0.0.0/x")).toMatch(/prefix length/);
    expect(parseNetwork("intranet")).toMatch(/not an IP address or network/);
    expect(parseNetwork("10.0.0.0/8/8")).toMatch(/not an IP address or network/);
  });

  it("reads comma-separated lists from the environment; empty when unset", () => {
    expect(networkListSchema.parse(undefined)).toEqual([]);
    const list = networkListSchema.parse(" 10.0.0.0/8 , ,fd00::/8");
    expect(list.map((n) => n.text)).toEqual(["10.0.0.0/8", "fd00::/8"]);
    const bad = networkListSchema.safeParse("10.0.0.0/8,10.0.0.1/24");
    const messages = bad.success ? [] : bad.error.issues.map((i) => i.message);
    expect(messages).toEqual(["10.0.0.1/24 has host bits set past /24"]);
  });
});
