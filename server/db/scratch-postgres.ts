// A throw-away PostgreSQL in a temp folder, removed when stopped: for test runs and CLI chores.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.ts";

export async function startScratchPostgres(prefix = "ha-console-"): Promise<EmbeddedPostgres> {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    const server = await startEmbeddedPostgres({ root });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
