// Integration tests run the real auth library, which reads its settings from the environment.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.BETTER_AUTH_SECRET = "integration-tests-secret-at-least-32-characters";
