// The agent's `commands` section: the programs a console may run on this host through
// `run-command`, each by its absolute path. Without it, the agent runs none.
import path from "node:path";
import { z } from "zod";
import { isSafeText } from "../protocol-limits.ts";

const absolutePath = z
  .string()
  .max(4096)
  .refine((file) => path.isAbsolute(file) && isSafeText(file), "must be an absolute path")
  .refine((file) => path.normalize(file) === file, "must be written plainly (no '..', '//' or trailing '/')");

export const commandsSchema = z.object({ allow: z.array(absolutePath).min(1).max(256) });

export type CommandsConfig = z.infer<typeof commandsSchema>;
