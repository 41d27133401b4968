import { defineConfig } from "@playwright/test";
import { E2E_ADMIN } from "./e2e/accounts";
import { E2E_DATA_DIR, E2E_PORT } from "./e2e/demo-agents";

// Two consoles, each the production build with its own embedded PostgreSQL (e2e/serve.ts):
// one with an admin made at start for most specs, one untouched for the first-run setup spec.
const port = E2E_PORT;
const consoleURL = `http://127.0.0.1:${port}`;
const firstRunURL = `http://127.0.0.1:${port + 1}`;

const server = (url: string, env: Record<string, string>) => ({
  command: "node --import tsx --import ./server/runtime/server-condition.ts e2e/serve.ts",
  url: `${url}/api/health`,
  env: { PORT: new URL(url).port, ...env },
  reuseExistingServer: false,
  timeout: 180_000,
  stdout: "pipe" as const,
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 20_000 },
});

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1366, height: 860 },
    // Debian's Chromium: Playwright must never download a browser here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "console",
      testIgnore: [
        "setup.spec.ts",
        "actions.spec.ts",
        "webhooks.spec.ts",
        "halt.spec.ts",
        "csrf.spec.ts",
        "drills.spec.ts",
        "former-primary.spec.ts",
        "alarm.spec.ts",
        "action-history.spec.ts",
        "alerts.spec.ts",
        "chart-markers.spec.ts",
        "audit-history.spec.ts",
      ],
      use: { browserName: "chromium", baseURL: consoleURL },
    },
    // Actions change the demo fleet: they run after every spec that reads it.
    {
      name: "actions",
      testMatch: ["actions.spec.ts", "webhooks.spec.ts", "halt.spec.ts", "csrf.spec.ts"],
      dependencies: ["console"],
      use: { browserName: "chromium", baseURL: consoleURL },
    },
    // A drill fails orders-db over, and the halt would abort it: after the actions, alone.
    {
      name: "drills",
      testMatch: ["drills.spec.ts"],
      dependencies: ["actions"],
      use: { browserName: "chromium", baseURL: consoleURL },
    },
    // Crashes orders-db's primary and fails over from it: last, on whatever primary the drills left.
    {
      name: "recovery",
      testMatch: ["former-primary.spec.ts"],
      dependencies: ["drills"],
      use: { browserName: "chromium", baseURL: consoleURL },
    },
    // Crashes sessions-cache's primary, which raises the alarm on every page: after everything else.
    {
      name: "alarm",
      testMatch: ["alarm.spec.ts"],
      dependencies: ["recovery"],
      use: { browserName: "chromium", baseURL: consoleURL },
    },
    // Reads the history the specs before it made and adds one action of its own: at the very end.
    {
      name: "history",
      testMatch: ["action-history.spec.ts"],
      dependencies: ["alarm"],
      use: { browserName: "chromium", baseURL: consoleURL },
    },
    // Crashes checkout-4 to open an alert: alone, so no spec reading the fleet sees it down.
    {
      name: "alerts",
      testMatch: ["alerts.spec.ts"],
      dependencies: ["history"],
      use: { browserName: "chromium", baseURL: consoleURL },
    },
    // Reads the marks the drills and the failovers left on orders-db's charts: after all of them.
    {
      name: "markers",
      testMatch: ["chart-markers.spec.ts"],
      dependencies: ["alerts"],
      use: { browserName: "chromium", baseURL: consoleURL },
    },
    // Adds one action of its own and reads the audit log's newest rows: after everything else.
    {
      name: "audit",
      testMatch: ["audit-history.spec.ts"],
      dependencies: ["markers"],
      use: { browserName: "chromium", baseURL: consoleURL },
    },
    { name: "first-run", testMatch: "setup.spec.ts", use: { browserName: "chromium", baseURL: firstRunURL } },
  ],
  webServer: [
    // Demo agents on ports of their own, clear of a developer's `npm start` (7101…).
    server(consoleURL, {
      CONSOLE_ADMIN_EMAIL: E2E_ADMIN.email,
      CONSOLE_ADMIN_PASSWORD: E2E_ADMIN.password,
      CONSOLE_DEMO_AGENT_PORT: String(port + 14_000),
      // webhooks.spec.ts's receiver is on loopback, which webhooks may reach only when opened.
      CONSOLE_WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
      E2E_DATA_DIR,
    }),
    server(firstRunURL, { CONSOLE_DEMO_AGENTS: "0" }),
  ],
});
