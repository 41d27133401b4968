// A user changing their own account through better-auth (/update-user, /change-password) is audited
// like an admin's change to it. Runs as better-auth's after-hook, once the change has succeeded.
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { z } from "zod";
import { appendAudit } from "../audit/append.ts";
import { db } from "../db/client.ts";

const ACTIONS: Record<string, string> = { "/update-user": "user.update", "/change-password": "user.change-password" };

// What /update-user may change here (role is not an input field); bounded for the log.
const profileChange = z.object({
  name: z.string().optional(),
  image: z.string().nullable().optional(),
});
const bounded = (value: string | null | undefined) => value?.slice(0, 200) ?? null;

export const auditSelfService = createAuthMiddleware(async (ctx) => {
  const action = ACTIONS[ctx.path];
  const user = ctx.context.session?.user;
  if (!action || !user || isAPIError(ctx.context.returned)) return;
  const change = profileChange.safeParse(ctx.body);
  const details: Record<string, { from: string | null; to: string | null }> = {};
  if (action === "user.update" && change.success) {
    if (change.data.name !== undefined) details.name = { from: bounded(user.name), to: bounded(change.data.name) };
    if (change.data.image !== undefined) details.image = { from: bounded(user.image), to: bounded(change.data.image) };
  }
  await db().$transaction((tx) =>
    appendAudit(tx, { actorId: user.id, actor: user.email, action, target: user.email, outcome: "done", details }),
  );
});
