// `npm run db:migrate`: applies pending migrations to DATABASE_URL (npm start does this by itself).
import { env } from "../env.ts";
import { migrate } from "./migrate.ts";

const applied = await migrate(env().DATABASE_URL);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
