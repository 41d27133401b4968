// What every replicated database driver's settings share: the other nodes' servers (checked from
// here for the peers view, followed as upstreams) and the HAProxy backend that sends writes to the primary.
import { z } from "zod";

const name = z.string().min(1).max(200);
export const port = z.number().int().min(1).max(65535);

export const peersSchema = z
  .array(z.object({ name, host: z.string().min(1), port, haproxyServer: name.optional() }))
  .default([]);

export const writeBackendSchema = z
  .object({
    /** The runtime API: a unix socket path or host:port (stats socket … level admin). */
    socket: z.string().min(1),
    /** The backend that takes writes; exactly one server in it is ready: the primary. */
    backend: name,
    /** This node's server in that backend (the node's name when left out). */
    server: name.optional(),
  })
  .optional();
