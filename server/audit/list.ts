// The audit log, newest first, filtered by actor, cluster, action, time and free text; paged by
// sequence number.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { queryDate, safeText } from "../security/safe-input.ts";

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  actor: safeText(200).optional(),
  cluster: safeText(200).optional(),
  action: safeText(100).optional(),
  since: queryDate.optional(),
  until: queryDate.optional(),
  q: safeText(200).optional(),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The REST API's query: the filters, a full walk of the chain (admins) and CSV instead of JSON. */
export const auditApiQuerySchema = auditQuerySchema.extend({
  full: z.enum(["0", "1"], "full must be 0 or 1").optional(),
  format: z.enum(["json", "csv"], "format must be json or csv").optional(),
});

export async function listAudit(db: Db, query: AuditQuery) {
  const where: Prisma.AuditEntryWhereInput = {
    ...(query.before ? { seq: { lt: BigInt(query.before) } } : {}),
    ...(query.actor ? { actor: { contains: query.actor, mode: "insensitive" } } : {}),
    ...(query.cluster ? { OR: [{ target: query.cluster }, { target: { startsWith: `${query.cluster}/` } }] } : {}),
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.since || query.until
      ? { at: { ...(query.since ? { gte: query.since } : {}), ...(query.until ? { lte: query.until } : {}) } }
      : {}),
    ...(query.q
      ? {
          AND: [
            {
              OR: [
                { reason: { contains: query.q, mode: "insensitive" } },
                { outcome: { contains: query.q, mode: "insensitive" } },
                { target: { contains: query.q, mode: "insensitive" } },
                { action: { contains: query.q, mode: "insensitive" } },
              ],
            },
          ],
        }
      : {}),
  };
  const rows = await db.auditEntry.findMany({
    where,
    orderBy: { seq: "desc" },
    take: query.limit,
    select: {
      seq: true,
      at: true,
      actor: true,
      action: true,
      target: true,
      reason: true,
      guards: true,
      outcome: true,
      details: true,
      hash: true,
    },
  });
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

// A cell a spreadsheet would read as a formula (OWASP "CSV injection": = + - @, tab or CR first, and
// their full-width forms) gets a leading single quote and is quoted: anyone can put text in the log
// (a failed sign-in's email).
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

const cellText = (value: unknown) => {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return value instanceof Date ? value.toISOString() : JSON.stringify(value);
};

export const csvCell = (value: unknown) => {
  const raw = cellText(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return text !== raw || /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function auditCsv(rows: AuditRow[]): string {
  const header = ["seq", "at", "actor", "action", "target", "reason", "outcome", "guards", "details", "hash"];
  const lines = rows.map((r) =>
    [r.seq, r.at, r.actor, r.action, r.target, r.reason, r.outcome, r.guards, r.details, r.hash].map(csvCell).join(","),
  );
  return `${header.join(",")}\n${lines.join("\n")}\n`;
}
