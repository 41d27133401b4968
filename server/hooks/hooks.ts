// A cluster's hooks (admin): read without their secrets, replaced as a whole ordered list in one
// transaction. An http hook keeps its signing secret while its name stays; a new one gets its own,
// shown once. Audited with the names added, changed and removed.
import { appendAudit } from "../audit/append.ts";
import { ActionError } from "../actions/errors.ts";
import type { SessionUser } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import type { HookKind, HookPhase } from "../db/generated/enums.ts";
import { toJson } from "../db/json.ts";
import { newWebhookSecret } from "../alerts/signature.ts";
import type { HookInput } from "./hook-input.ts";
import { storedArgv } from "./stored-hook.ts";

const SELECT = {
  name: true,
  phase: true,
  kind: true,
  required: true,
  timeoutMs: true,
  url: true,
  node: true,
  argv: true,
  secret: true,
} as const;

type Row = {
  name: string;
  phase: HookPhase;
  kind: HookKind;
  required: boolean;
  timeoutMs: number;
  url: string | null;
  node: string | null;
  argv: unknown;
  secret: string | null;
};

/** A hook as the API shows it: never its secret. */
export function hookDocument(row: Row) {
  const common = {
    name: row.name,
    phase: row.phase.toLowerCase() as Lowercase<HookPhase>,
    required: row.required,
    timeoutMs: row.timeoutMs,
  };
  return row.kind === "HTTP"
    ? { ...common, kind: "http" as const, url: row.url ?? "" }
    : { ...common, kind: "command" as const, node: row.node ?? "", argv: storedArgv(row.argv) };
}

export type HookDocument = ReturnType<typeof hookDocument>;

export async function listHooks(db: Db, cluster: string): Promise<HookDocument[] | null> {
  const found = await db.cluster.findUnique({
    where: { name: cluster },
    select: { hooks: { orderBy: [{ position: "asc" }], select: SELECT } },
  });
  return found ? found.hooks.map(hookDocument) : null;
}

/** Replaces the cluster's hooks; the secrets of the http hooks it created, by name (shown once). */
export async function replaceHooks(db: Db, actor: SessionUser, cluster: string, hooks: HookInput[], reason: string) {
  return db.$transaction(async (tx) => {
    const found = await tx.cluster.findUnique({
      where: { name: cluster },
      select: { id: true, nodes: { select: { name: true } }, hooks: { select: SELECT } },
    });
    if (!found) return null;
    const nodes = new Set(found.nodes.map((n) => n.name));
    hooks.forEach((hook, i) => {
      if (hook.kind === "command" && !nodes.has(hook.node))
        throw new ActionError("BAD_REQUEST", `hooks.${i}.node: ${cluster} has no node ${hook.node}`, {
          field: `hooks.${i}.node`,
        });
    });
    const before = new Map(found.hooks.map((h) => [h.name, h]));
    const secrets: Record<string, string> = {};
    await tx.clusterHook.deleteMany({ where: { clusterId: found.id } });
    for (const [position, hook] of hooks.entries()) {
      const kept = before.get(hook.name);
      const http = hook.kind === "http";
      const secret = http ? (kept?.kind === "HTTP" && kept.secret ? kept.secret : newWebhookSecret()) : null;
      if (http && secret !== kept?.secret) secrets[hook.name] = secret ?? "";
      await tx.clusterHook.create({
        data: {
          clusterId: found.id,
          position,
          name: hook.name,
          phase: hook.phase.toUpperCase() as HookPhase,
          kind: http ? "HTTP" : "COMMAND",
          required: hook.required,
          timeoutMs: hook.timeoutMs,
          url: http ? hook.url : null,
          secret,
          node: http ? null : hook.node,
          argv: http ? undefined : toJson(hook.argv),
        },
      });
    }
    const after = hooks.map((h) => h.name);
    const written = (hook: HookDocument | HookInput) => JSON.stringify(Object.entries(hook).sort());
    const stored = (name: string) => {
      const row = before.get(name);
      return row ? written(hookDocument(row)) : null;
    };
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "cluster.hooks",
      target: cluster,
      reason,
      outcome: "changed",
      details: {
        added: after.filter((n) => !before.has(n)),
        changed: hooks.filter((h) => before.has(h.name) && stored(h.name) !== written(h)).map((h) => h.name),
        removed: [...before.keys()].filter((n) => !after.includes(n)),
        order: after,
      },
    });
    return { hooks: hooks.map((h) => h.name), secrets };
  });
}
