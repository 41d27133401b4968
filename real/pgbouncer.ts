// Debian's PgBouncer (1.18) started for a test on 127.0.0.1 in the test's folder, as the postgres
// user (it refuses to run as root), its [databases] `%include`d from a file an agent owns; stopped
// by its own pid. Clients log in as `app`, the admin console as `haops` (.ci/run installs it).
import { chownSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { type OsUser, start } from "../agent/drivers/postgresql/os-user.ts";
import { freePort } from "../server/db/free-port.ts";
import { waitFor } from "../server/testing/fleet-harness.ts";

export const PGBOUNCER = process.env.PGBOUNCER_BIN ?? "/usr/sbin/pgbouncer";

export interface Pgbouncer {
  port: number;
  /** The file of [databases] lines the agent rewrites. */
  databasesFile: string;
  admin: { user: string; password: string };
  client: { user: string; password: string };
  stop(): Promise<void>;
}

const ADMIN = { user: "haops", password: "admin-secret" };
const CLIENT = { user: "app", password: "app-secret" };

const listening = (port: number) =>
  new Promise<true | undefined>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const answer = (up: true | undefined) => {
      socket.destroy();
      resolve(up);
    };
    socket.once("connect", () => answer(true)).once("error", () => answer(undefined));
  });

/** `databases`: the lines of the agent's file, e.g. `app = host=127.0.0.1 port=5433 dbname=postgres`. */
export async function startPgbouncer(dir: string, user: OsUser | undefined, databases: string[]): Promise<Pgbouncer> {
  const port = await freePort();
  const file = (name: string, text: string) => {
    const at = path.join(dir, name);
    writeFileSync(at, text, { mode: 0o600 });
    if (user) chownSync(at, user.uid, user.gid);
    return at;
  };
  const databasesFile = file("pgbouncer-databases.ini", `; the haops agent's pools\n${databases.join("\n")}\n`);
  const users = file("pgbouncer-users.txt", [ADMIN, CLIENT].map((u) => `"${u.user}" "${u.password}"\n`).join(""));
  const config = file(
    "pgbouncer.ini",
    [
      "[databases]",
      `%include ${databasesFile}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = md5",
      `auth_file = ${users}`,
      `admin_users = ${ADMIN.user}`,
      "pool_mode = transaction",
      // After a failed server login PgBouncer waits this long before it tries again (15 s by default): a
      // client that found the old primary gone would sit out the rest after the pool points elsewhere.
      "server_login_retry = 1",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      "",
    ].join("\n"),
  );
  const child = start(PGBOUNCER, [config], user);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitFor(`PgBouncer on 127.0.0.1:${port}`, () => listening(port));
  return {
    port,
    databasesFile,
    admin: ADMIN,
    client: CLIENT,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
