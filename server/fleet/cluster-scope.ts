// Which clusters a fleet-wide read covers: the overview reads them all, a cluster page one.
import { Prisma } from "../db/generated/client.ts";

export type ClusterScope = string[] | "fleet";

/** `AND <column> = ANY(ids)` for some clusters; nothing for the whole fleet. */
export function andInScope(scope: ClusterScope, column: string): Prisma.Sql {
  return scope === "fleet" ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} = ANY(${scope}::text[])`;
}
