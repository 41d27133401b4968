// Networks in CIDR notation (`10.0.0.0/8`, `fd00::/8`; a bare address is one host), and the
// comma-separated lists operators give in CONSOLE_WEBHOOK_ALLOWED_NETWORKS / …_DENIED_NETWORKS.
import { z } from "zod";
import { parseAddress, type Address } from "./address.ts";

export interface Network {
  version: 4 | 6;
  base: bigint;
  prefix: number;
  text: string;
}

/** Where webhooks may go beyond the built-in rules (policy.ts). */
export interface WebhookNetworks {
  allowed: readonly Network[];
  denied: readonly Network[];
}

export const NO_NETWORKS: WebhookNetworks = { allowed: [], denied: [] };

const bits = (version: 4 | 6) => (version === 4 ? 32 : 128);

/** The network, or why the text is not one. */
export function parseNetwork(text: string): Network | string {
  const [written = "", prefixText, extra] = text.split("/");
  const address = parseAddress(written);
  if (!address || extra !== undefined) return `${text} is not an IP address or network (like 10.0.0.0/8)`;
  const width = bits(address.version);
  const prefix = prefixText === undefined ? width : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= width)) return `${text}: the prefix length is 0 to ${width}`;
  const hostBits = BigInt(width - prefix);
  if ((address.value >> hostBits) << hostBits !== address.value) return `${text} has host bits set past /${prefix}`;
  return { version: address.version, base: address.value, prefix, text };
}

export function contains(network: Network, address: Address): boolean {
  if (network.version !== address.version) return false;
  const hostBits = BigInt(bits(network.version) - network.prefix);
  return address.value >> hostBits === network.base >> hostBits;
}

/** For tests and defaults: a list that is known to be valid. */
export function networks(...texts: string[]): Network[] {
  return texts.map((text) => {
    const network = parseNetwork(text);
    if (typeof network === "string") throw new Error(network);
    return network;
  });
}

/** A comma-separated list of networks from the environment; empty when unset. */
export const networkListSchema = z
  .string()
  .default("")
  .transform((list, ctx) =>
    list
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .flatMap((entry) => {
        const network = parseNetwork(entry);
        if (typeof network !== "string") return [network];
        ctx.addIssue({ code: "custom", message: network });
        return [];
      }),
  );
