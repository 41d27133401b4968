// The Prisma client: one per process (kept on globalThis so dev reloads do not leak pools).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { env } from "../env.ts";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;

/** A client of its own pool, or over a pool the caller set up (and ends) itself. */
export function createDb(source: string | pg.Pool): Db {
  const pool = typeof source === "string" ? { connectionString: source, max: 10 } : source;
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

const holder = globalThis as unknown as { haConsoleDb?: Db };

export function db(): Db {
  holder.haConsoleDb ??= createDb(env().DATABASE_URL);
  return holder.haConsoleDb;
}
