// Integration tests run the real auth library and audit log, which read their settings from the environment.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.BETTER_AUTH_SECRET = "integration-tests-secret-at-least-32-characters";
process.env.CONSOLE_AUDIT_KEY = "integration-tests-audit-key-at-least-32-characters";
