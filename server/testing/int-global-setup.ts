// Integration tests get one real PostgreSQL per run, migrated once; each test file makes its own
// databases or uniquely named rows on it. The server and its folder are removed afterwards.
import type { TestProject } from "vitest/node";
import { migrate } from "../db/migrate.ts";
import { startScratchPostgres } from "../db/scratch-postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startScratchPostgres("ha-console-int-");
  await migrate(postgres.url);
  project.provide("databaseUrl", postgres.url);
  return () => postgres.stop();
}
