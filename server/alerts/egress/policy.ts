// Which addresses a webhook may be sent to. Link-local, cloud metadata, unspecified, multicast and
// reserved addresses never: no setting opens them. Otherwise the most specific network of the
// operator's allowed and denied lists decides (a tie is denied); an address in neither is refused
// when private (loopback, RFC 1918, unique local, shared CGNAT space) and allowed when public.
import { unwrapped, type Address } from "./address.ts";
import { contains, networks, type Network, type WebhookNetworks } from "./networks.ts";

const range = (label: string, ...texts: string[]) => networks(...texts).map((network) => ({ network, label }));

const NEVER = [
  ...range("an unspecified address (it reaches this host)", "0.0.0.0/8", "::/128"),
  // AWS, GCP, Azure, Oracle Cloud, DigitalOcean, OpenStack, Tencent, Scaleway: 169.254.169.254 and kin.
  ...range("a link-local address, where cloud metadata services answer", "169.254.0.0/16", "fe80::/10"),
  ...range("a cloud metadata address", "100.100.100.200", "168.63.129.16", "192.0.0.192"),
  // AWS's instance services over IPv6 (metadata ::254, DNS ::253, time ::123, EKS pod identity ::23),
  // Google's metadata server and Scaleway's.
  ...range("a cloud metadata address", "fd00:ec2::/32", "fd20:ce::254", "fd00:42::42"),
  ...range("a multicast address", "224.0.0.0/4", "ff00::/8"),
  ...range("a reserved or broadcast address", "240.0.0.0/4"),
];

const PRIVATE = [
  ...range("a loopback address", "127.0.0.0/8", "::1"),
  ...range("a private address (RFC 1918)", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"),
  ...range("a unique local address", "fc00::/7", "fec0::/10"),
  ...range("a shared (carrier-grade NAT) address", "100.64.0.0/10"),
];

export type Verdict = { allowed: true } | { allowed: false; reason: string };

function mostSpecific(address: Address, { allowed, denied }: WebhookNetworks) {
  const matching = (list: readonly Network[], allows: boolean) =>
    list.filter((network) => contains(network, address)).map((network) => ({ network, allows }));
  const candidates = [...matching(denied, false), ...matching(allowed, true)];
  // Longest prefix first; on a tie the denied entry, listed first, stays first.
  return candidates.sort((a, b) => b.network.prefix - a.network.prefix)[0];
}

export function judgeAddress(written: Address, operator: WebhookNetworks): Verdict {
  const address = unwrapped(written);
  const never = NEVER.find(({ network }) => contains(network, address));
  if (never) return { allowed: false, reason: `${address.text} is ${never.label}; no setting opens it` };
  const decided = mostSpecific(address, operator);
  if (decided?.allows) return { allowed: true };
  const denied = decided?.network.text;
  if (denied) return { allowed: false, reason: `${address.text} is in CONSOLE_WEBHOOK_DENIED_NETWORKS (${denied})` };
  const closed = PRIVATE.find(({ network }) => contains(network, address));
  if (!closed) return { allowed: true };
  return { allowed: false, reason: `${address.text} is ${closed.label}; CONSOLE_WEBHOOK_ALLOWED_NETWORKS can open it` };
}
