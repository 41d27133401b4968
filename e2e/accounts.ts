/** The admin the main e2e console creates at start (CONSOLE_ADMIN_EMAIL/PASSWORD). */
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };
