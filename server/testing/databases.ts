// Test helpers over the run's PostgreSQL: a shared migrated database, or a fresh empty one.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../db/client.ts";

export function sharedDatabaseUrl(): string {
  return inject("databaseUrl");
}

export function sharedDb(): Db {
  return createDb(sharedDatabaseUrl());
}

/** An empty database of its own on the run's server, for tests that need a blank slate. */
export async function freshDatabaseUrl(): Promise<string> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const url = new URL(sharedDatabaseUrl());
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;
