// The ingest code's Query over a Prisma client, for tests that roll up rows they wrote themselves.
import type { Db } from "../db/client.ts";
import type { Query } from "../ingest/flush.ts";

export const prismaQuery =
  (db: Db): Query =>
  async (sql, params = []) => ({ rows: await db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params) });
