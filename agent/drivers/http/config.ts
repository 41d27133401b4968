// The http driver's settings: a service checked by GET, with the answer it must give, and
// optionally the HAProxy server it sits behind.
import { z } from "zod";

export const httpSchema = z.object({
  url: z.string().url(),
  expectStatus: z.number().int().min(100).max(599).default(200),
  /** A substring the body must contain, e.g. "ok". */
  expectBody: z.string().max(1000).optional(),
  timeoutMs: z.number().int().min(50).max(30_000).default(800),
  /** The node's load-balancer weight to report when no HAProxy is configured. */
  weight: z.number().int().min(0).max(256).optional(),
  /** The HAProxy backend this node is a server of: traffic figures, drain, undrain, set-weight. */
  haproxy: z
    .object({
      socket: z.string().min(1),
      backend: z.string().min(1).max(200),
      server: z.string().min(1).max(200).optional(),
    })
    .optional(),
  /** Nodes whose health URL this agent also checks, for the peers view. */
  peers: z.array(z.object({ name: z.string().min(1).max(200), url: z.string().url() })).default([]),
});

export type HttpConfig = z.infer<typeof httpSchema>;
