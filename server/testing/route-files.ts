// The route handlers under app/ as files: their folders, and the HTTP methods each exports.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const APP_DIR = path.resolve(import.meta.dirname, "../../app");

/** Every folder under `dir` that holds a route.ts, relative to app/ ("api/v1/clusters/[name]"). */
export function routeFiles(dir = APP_DIR, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return routeFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name === "route.ts" ? [prefix.replace(/\/$/, "")] : [];
  });
}

/** The methods a route file exports (GET, POST, …), read from its source. */
export function routeMethods(route: string): string[] {
  const source = readFileSync(path.join(APP_DIR, route, "route.ts"), "utf8");
  return [...source.matchAll(/^export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1] ?? "");
}

/** A route's folder as a URL template: [name] becomes {name}. */
export const urlTemplate = (route: string) => `/${route.replace(/\[([^\]]+)\]/g, "{$1}")}`;
