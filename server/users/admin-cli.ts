// `npm run admin -- --email <email> --role <viewer|operator|admin>`, run on the console's server:
// sets a user's role outside the web console, e.g. for a console left without an admin (like
// `grafana cli admin reset-admin-password`). The same rules as the web (the last admin is kept) and
// the same audit log, with the actor "cli".
import { parseArgs } from "node:util";
import { z } from "zod";
import { auditKeyInFolder, checkAuditKey } from "../audit/key-store.ts";
import { setAuditKey } from "../audit/key.ts";
import { roleSchema } from "../../lib/roles.ts";
import { readLaunchConfig } from "../launch/config.ts";
import { withConsoleDatabase } from "./console-database.ts";
import { setRole, UserRuleError } from "./manage.ts";

const USAGE = "usage: npm run admin -- --email <email> --role <viewer|operator|admin>";
export const CLI_ACTOR = { id: null, email: "cli" } as const;

const argsSchema = z.object({
  email: z.string({ error: "--email is required" }).trim().toLowerCase().email("--email must be an email address"),
  role: roleSchema,
});

function parse(argv: string[]) {
  const options = { email: { type: "string" }, role: { type: "string" } } as const;
  const { values } = parseArgs({ args: argv, options, strict: true });
  return argsSchema.safeParse(values);
}

/** Returns the process exit code: 0 done, 1 refused or failed, 2 bad arguments. */
export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
  log: (line: string) => void = console.log,
): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    log(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (!args.success) {
    const issue = args.error.issues[0];
    log(`${issue?.path[0] === "role" ? "--role must be viewer, operator or admin" : issue?.message}\n${USAGE}`);
    return 2;
  }
  const { email, role } = args.data;
  try {
    const config = readLaunchConfig(env);
    return await withConsoleDatabase(config, async (db) => {
      // The change is audited like any other, so the command holds the console's audit key.
      const key = config.auditKey ?? auditKeyInFolder(config.dataDir);
      await checkAuditKey(db, key);
      setAuditKey(key);
      const user = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
      if (!user) {
        log(`No user has the email ${email}. Make the user in the console first (or with the setup page).`);
        return 1;
      }
      await setRole(db, CLI_ACTOR, user.id, role);
      log(user.role === role ? `${email} was already ${role}.` : `${email} is now ${role} (was ${user.role}).`);
      return 0;
    });
  } catch (error) {
    if (error instanceof UserRuleError) {
      log(error.message);
      return 1;
    }
    throw error;
  }
}
