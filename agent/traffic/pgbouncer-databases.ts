// The [databases] lines this agent owns, in the file PgBouncer `%include`s: one database's line
// pointed at another server, every other line kept as it was, and the line's other options (dbname,
// user, pool_size, …) kept in their order. Written whole or not at all (a temp file renamed over it),
// so PgBouncer's RELOAD never reads half a file.
import { randomBytes } from "node:crypto";
import { chown, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

/** `name = connstr`, the name bare or double-quoted. */
const ENTRY = /^(\s*)("?)([^"=\s]+)\2(\s*=\s*)(.*)$/;
/** A `key=value` option of a connect string, the value bare or single-quoted ('' or \' inside). */
const OPTION = /([A-Za-z_][A-Za-z0-9_]*)\s*=\s*('(?:[^'\\]|\\.|'')*'|\S*)/g;

function pointLine(options: string, host: string, port: number): string {
  const seen = new Set<string>();
  const pointed = options.replace(OPTION, (whole: string, key: string) => {
    const name = key.toLowerCase();
    if (name !== "host" && name !== "port") return whole;
    seen.add(name);
    return name === "host" ? `${key}=${host}` : `${key}=${port}`;
  });
  const missing = [seen.has("host") ? "" : `host=${host}`, seen.has("port") ? "" : `port=${port}`].filter(Boolean);
  return missing.length === 0 ? pointed : [pointed.trimEnd(), ...missing].filter(Boolean).join(" ");
}

/** The file's text with `database`'s line pointed at host:port; an error when the file has no line for it. */
export function pointedDatabases(text: string, database: string, host: string, port: number): string {
  let found = false;
  const lines = text.split("\n").map((line) => {
    const entry = ENTRY.exec(line);
    if (!entry || entry[3] !== database) return line;
    found = true;
    const [, indent = "", quote = "", name = "", equals = "", options = ""] = entry;
    return `${indent}${quote}${name}${quote}${equals}${pointLine(options, host, port)}`;
  });
  if (!found) throw new Error(`no line for ${database}`);
  return lines.join("\n");
}

/** Replaces `file` by `text` at once, with the file's owner and mode (PgBouncer's user must still read it). */
export async function replaceFile(file: string, text: string): Promise<void> {
  const before = await stat(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}`);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.chmod(before.mode & 0o7777);
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (process.getuid?.() === 0) await chown(temp, before.uid, before.gid);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function pointDatabase(file: string, database: string, host: string, port: number): Promise<void> {
  const text = await readFile(file, "utf8");
  await replaceFile(file, pointedDatabases(text, database, host, port));
}
