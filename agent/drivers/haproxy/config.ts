// The HAProxy write backend a database driver repoints, as the agent's YAML names it.
import { z } from "zod";

const name = z.string().min(1).max(200);

export const writeBackendSchema = z.object({
  /** The runtime API: a unix socket path or host:port (stats socket … level admin). */
  socket: z.string().min(1),
  /** The backend that takes writes; exactly one server in it is ready: the primary. */
  backend: name,
  /** This node's server in that backend (the node's name when left out). */
  server: name.optional(),
});

export type WriteBackendConfig = z.infer<typeof writeBackendSchema>;

/** The write backend as the driver uses it: this node's server named. */
export function writeBackendOf(config: WriteBackendConfig | undefined, nodeName: string) {
  return config ? { socket: config.socket, backend: config.backend, server: config.server ?? nodeName } : null;
}
