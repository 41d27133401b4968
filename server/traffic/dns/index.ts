export interface DnsKey {
  name: string;
  algorithm: "hmac-sha256" | "hmac-sha512";
  secret: string;
}
export interface DnsServer {
  host: string;
  port: number;
  zone: string;
  key: DnsKey;
  timeoutMs: number;
}
export class DnsError extends Error {
  rcode = "";
}
export async function replaceAddresses(_s: DnsServer, _n: string, _a: string[], _t: number): Promise<void> {}
export async function addAddresses(_s: DnsServer, _n: string, _a: string[], _t: number): Promise<void> {}
export async function removeAddresses(_s: DnsServer, _n: string, _a: string[]): Promise<void> {}
export async function answerAt(_s: DnsServer, _n: string): Promise<string[]> {
  return [];
}
