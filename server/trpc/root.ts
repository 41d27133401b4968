import { actionsRouter } from "./routers/actions.ts";
import { agentsRouter } from "./routers/agents.ts";
import { alertsRouter } from "./routers/alerts.ts";
import { apiTokensRouter } from "./routers/api-tokens.ts";
import { auditRouter } from "./routers/audit.ts";
import { drillsRouter } from "./routers/drills.ts";
import { fleetRouter } from "./routers/fleet.ts";
import { haltRouter } from "./routers/halt.ts";
import { hooksRouter } from "./routers/hooks.ts";
import { incidentsRouter } from "./routers/incidents.ts";
import { meRouter } from "./routers/me.ts";
import { setupRouter } from "./routers/setup.ts";
import { silencesRouter } from "./routers/silences.ts";
import { usersRouter } from "./routers/users.ts";
import { webhooksRouter } from "./routers/webhooks.ts";
import { createCallerFactory, createTRPCRouter } from "./init.ts";

export const appRouter = createTRPCRouter({
  actions: actionsRouter,
  agents: agentsRouter,
  alerts: alertsRouter,
  apiTokens: apiTokensRouter,
  audit: auditRouter,
  drills: drillsRouter,
  fleet: fleetRouter,
  halt: haltRouter,
  hooks: hooksRouter,
  incidents: incidentsRouter,
  me: meRouter,
  setup: setupRouter,
  silences: silencesRouter,
  users: usersRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
