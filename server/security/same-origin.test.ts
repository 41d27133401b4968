import { describe, expect, it } from "vitest";
import { crossSiteRefusal, ownOrigin } from "./same-origin.ts";

const CONSOLE = "http://127.0.0.1:3000";

function write(headers: Record<string, string>, method = "POST", url = `${CONSOLE}/api/v1/halt`) {
  return new Request(url, { method, headers: { host: "127.0.0.1:3000", ...headers } });
}

const json = { "content-type": "application/json" };

describe("ownOrigin", () => {
  it("is CONSOLE_PUBLIC_URL's origin when it is set, whatever the request's Host", () => {
    const request = write({ host: "10.0.0.5:3000" });
    expect(ownOrigin(request, "https://Console.Example.com/ops")).toBe("https://console.example.com");
  });

  it("else the Host the browser sent (Next.js builds request.url from its own address), without a default port", () => {
    const request = new Request("http://localhost:3000/x", { headers: { host: "ops.example.com:80" } });
    expect(ownOrigin(request, undefined)).toBe("http://ops.example.com");
  });

  it("follows a proxy's X-Forwarded-Host and -Proto (first hop)", () => {
    const request = write({ "x-forwarded-host": "ops.example.com, inner", "x-forwarded-proto": "https" });
    expect(ownOrigin(request, undefined)).toBe("https://ops.example.com");
  });

  it("falls back to the URL's host when there is no Host header", () => {
    expect(ownOrigin(new Request("http://localhost/api/v1/halt"), undefined)).toBe("http://localhost");
  });
});

describe("crossSiteRefusal", () => {
  it("lets JSON from the console's own pages write", () => {
    expect(crossSiteRefusal(write({ origin: CONSOLE, ...json }), undefined)).toBeNull();
    expect(crossSiteRefusal(write({ "sec-fetch-site": "same-origin", ...json }), undefined)).toBeNull();
    const publicUrl = "https://console.example.com";
    expect(crossSiteRefusal(write({ origin: publicUrl, ...json }), publicUrl)).toBeNull();
  });

  it("refuses another port of the same host, another site, and an opaque origin", () => {
    for (const origin of ["http://127.0.0.1:8080", "http://evil.example", "null", "https://127.0.0.1:3000"]) {
      expect(crossSiteRefusal(write({ origin, ...json }), undefined)).toBe(
        `Refused: a signed-in write must come from the console's own pages (${CONSOLE}), not from ${origin}.`,
      );
    }
  });

  it("refuses the request's own host when CONSOLE_PUBLIC_URL names another", () => {
    expect(crossSiteRefusal(write({ origin: CONSOLE, ...json }), "https://console.example.com")).toMatch(/^Refused/);
  });

  it("judges by Sec-Fetch-Site when there is no Origin", () => {
    for (const site of ["same-site", "cross-site", "none"]) {
      expect(crossSiteRefusal(write({ "sec-fetch-site": site, ...json }), undefined)).toBe(
        `Refused: a signed-in write must come from the console's own pages; this one is ${site}.`,
      );
    }
  });

  it("refuses every body but JSON, even from the console's own origin: forms cannot send JSON", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      expect(crossSiteRefusal(write({ origin: CONSOLE, "content-type": type }), undefined)).toBe(
        "Refused: a signed-in write must be sent as Content-Type: application/json.",
      );
    }
    const withCharset = write({ origin: CONSOLE, "content-type": "Application/JSON; charset=utf-8" });
    expect(crossSiteRefusal(withCharset, undefined)).toBeNull();
  });

  it("takes a request with neither Origin nor Sec-Fetch-Site (no browser sends one) by its content type", () => {
    expect(crossSiteRefusal(write(json), undefined)).toBeNull();
    expect(crossSiteRefusal(write({ "content-type": "text/plain" }), undefined)).toMatch(/application\/json/);
  });

  it("never refuses a read, and asks a DELETE for its origin only", () => {
    expect(crossSiteRefusal(write({ origin: "http://evil.example" }, "GET"), undefined)).toBeNull();
    expect(crossSiteRefusal(write({ origin: CONSOLE }, "DELETE"), undefined)).toBeNull();
    expect(crossSiteRefusal(write({ origin: "http://evil.example" }, "DELETE"), undefined)).toMatch(/evil\.example/);
  });
});
