// Finds text PostgreSQL cannot keep (a NUL, a lone UTF-16 surrogate) anywhere in a parsed JSON
// value or a URL, for inputs no zod schema of ours reads first (the auth library's).
import { isSafeText } from "../../agent/protocol-limits.ts";

/** The path of the first unsafe key or string in `value` ("email", "items.0.name"), or null. */
export function unsafeJsonField(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return isSafeText(value) ? null : path.join(".") || "(body)";
  if (typeof value !== "object" || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (!isSafeText(key)) return [...path, "(key)"].join(".");
    const found = unsafeJsonField(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** The first unsafe query parameter's name, "(path)" for the path, or null; "(url)" when undecodable. */
export function unsafeUrlField(url: URL): string | null {
  try {
    if (!url.pathname.split("/").every((segment) => isSafeText(decodeURIComponent(segment)))) return "(path)";
  } catch {
    return "(url)";
  }
  for (const [name, value] of url.searchParams) if (!isSafeText(name) || !isSafeText(value)) return name;
  return null;
}
