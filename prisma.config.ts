// Prisma CLI config: the JS schema engine through the pg adapter, so migrations run offline.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  adapter: async () =>
    // allowExitOnIdle: the CLI exits when done instead of after the pool's 10 s idle timeout.
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://unset", allowExitOnIdle: true }),
});
