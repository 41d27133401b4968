// Cross-site request forgery: a write carried by the session cookie must be JSON sent by a page of
// the console's own origin. SameSite=Lax does not stop a page on another port of the same host, or
// on a sibling subdomain: those are the same site, so the browser sends the cookie with their forms.
const READS = new Set(["GET", "HEAD", "OPTIONS"]);
const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

const first = (value: string | null) => value?.split(",")[0]?.trim() || undefined;

/**
 * CONSOLE_PUBLIC_URL's origin, else the one the request was sent to. A proxy's X-Forwarded-Host and
 * -Proto are read because a page cannot set them on a cross-origin request (they are not
 * CORS-safelisted); Next.js builds request.url from its own address, so the Host header names ours.
 */
export function ownOrigin(request: Request, publicUrl: string | undefined): string | null {
  try {
    if (publicUrl) return new URL(publicUrl).origin;
    const url = new URL(request.url);
    const host = first(request.headers.get("x-forwarded-host")) ?? request.headers.get("host") ?? url.host;
    const proto = first(request.headers.get("x-forwarded-proto")) ?? url.protocol.replace(":", "");
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Why this request may not write with the session cookie, or null when it may. Reads are never
 * refused. The origin is judged by `Origin`, else by `Sec-Fetch-Site`; a request with neither
 * comes from no browser (curl, scripts: a page cannot make one), so only its content type counts.
 */
export function crossSiteRefusal(request: Request, publicUrl: string | undefined): string | null {
  if (READS.has(request.method)) return null;
  const own = ownOrigin(request, publicUrl);
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (origin !== null && origin.toLowerCase() !== own) {
    const pages = own ?? "its own origin";
    return `Refused: a signed-in write must come from the console's own pages (${pages}), not from ${origin}.`;
  }
  if (origin === null && site !== null && site !== "same-origin") {
    return `Refused: a signed-in write must come from the console's own pages; this one is ${site}.`;
  }
  if (WITH_BODY.has(request.method) && mediaType(request) !== "application/json") {
    return "Refused: a signed-in write must be sent as Content-Type: application/json.";
  }
  return null;
}

const OTHER_SITES = new Set(["same-site", "cross-site"]);

/**
 * Why a signed-in read sent for another site's page is refused, or null: for reads audited in the
 * caller's name (a plan), which an <img> on a sibling subdomain could otherwise make with the cookie.
 * `Sec-Fetch-Site: none` is the user's own address bar; a request without it comes from no browser.
 */
export function crossSiteReadRefusal(request: Request): string | null {
  const site = request.headers.get("sec-fetch-site");
  if (site === null || !OTHER_SITES.has(site)) return null;
  return `Refused: a signed-in read must come from the console's own pages; this one is ${site}.`;
}
