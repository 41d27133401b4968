// The Prisma client: one per process (kept on globalThis so dev reloads do not leak pools).
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env.ts";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

const holder = globalThis as unknown as { haConsoleDb?: Db };

export function db(): Db {
  holder.haConsoleDb ??= createDb(env().DATABASE_URL);
  return holder.haConsoleDb;
}
