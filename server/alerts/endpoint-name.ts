// A webhook endpoint as people know it: its description, else its host. Never its whole URL: the
// path may carry a secret (Slack's do).
export function endpointName(endpoint: { description: string; url: string }): string {
  if (endpoint.description) return endpoint.description;
  try {
    return new URL(endpoint.url).host;
  } catch {
    return "a webhook endpoint";
  }
}
