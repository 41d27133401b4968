import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
const exclude = ["node_modules/**", ".next/**", ".data/**", "e2e/**"];

export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.{ts,tsx}"],
          exclude: [...exclude, "**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["**/*.int.test.ts"],
          exclude,
          globalSetup: ["server/testing/int-global-setup.ts"],
          setupFiles: ["server/testing/int-env.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
