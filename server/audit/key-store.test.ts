// The embedded default's audit key: made once in the data folder, readable by its owner only.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { auditKeyId, auditKeyInFolder } from "./key-store.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const folder = () => {
  const made = mkdtempSync(path.join(tmpdir(), "audit-key-"));
  folders.push(made);
  return path.join(made, "data");
};

it("makes a key on the first start, mode 600, and reads the same one after", () => {
  const dataDir = folder();
  const key = auditKeyInFolder(dataDir);
  expect(key.length).toBeGreaterThanOrEqual(32);
  expect(statSync(path.join(dataDir, "audit-key")).mode & 0o777).toBe(0o600);
  expect(auditKeyInFolder(dataDir)).toBe(key);
  expect(auditKeyId(key)).not.toContain(key.slice(0, 8));
});

it("refuses a file that holds no key rather than keying with it", () => {
  const dataDir = folder();
  auditKeyInFolder(dataDir);
  writeFileSync(path.join(dataDir, "audit-key"), "short\n");
  expect(() => auditKeyInFolder(dataDir)).toThrow(/holds no audit key/);
});
