// The kinds of caller the access tests try every door with: nobody, a node's agent token, a
// viewer's API token, and a signed-in viewer, operator and admin; plus a small cluster to aim at.
import { agentTokenFor, hashAgentToken } from "../agents/tokens.ts";
import { createApiToken } from "../api-tokens/tokens.ts";
import type { Role } from "../../lib/roles.ts";
import { db } from "../db/client.ts";
import { uniqueName } from "./databases.ts";
import { makeUser, sessionCookie } from "./users.ts";

export type Actor = "anonymous" | "agent" | "apiToken" | Role;
export const ACTORS: Actor[] = ["anonymous", "agent", "apiToken", "viewer", "operator", "admin"];

export interface Actors {
  headersOf: Record<Actor, Headers>;
  /** A cluster whose node n1 the agent token belongs to; n2 is another node of it. */
  agentNode: { cluster: string; node: string };
}

export async function makeActors(): Promise<Actors> {
  const headersOf = {} as Record<Actor, Headers>;
  const clusterName = uniqueName("authz");
  const token = agentTokenFor("access-test-secret", "n1", new Date());
  await db().cluster.create({
    data: {
      name: clusterName,
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      nodes: {
        create: [
          {
            name: "n1",
            region: "r",
            zone: "z",
            agentUrl: "http://127.0.0.1:1",
            agentTokenHash: hashAgentToken(token),
            agentTokenCreatedAt: new Date(),
          },
          { name: "n2", region: "r", zone: "z", agentUrl: "http://127.0.0.1:2" },
        ],
      },
    },
  });
  headersOf.anonymous = new Headers();
  headersOf.agent = new Headers({ authorization: `Bearer ${token}` });
  for (const role of ["viewer", "operator", "admin"] as const) {
    const user = await makeUser(role);
    headersOf[role] = new Headers({ cookie: await sessionCookie(user.email) });
  }
  // An API token of a viewer: the REST API only; tRPC is for the browser's session.
  const viewer = await makeUser("viewer");
  const apiToken = await createApiToken(db(), await makeUser("admin"), { name: "matrix", userEmail: viewer.email });
  headersOf.apiToken = new Headers({ authorization: `Bearer ${apiToken!.token}` });
  return { headersOf, agentNode: { cluster: clusterName, node: "n1" } };
}

/** A body sent as the console's clients send it: signed-in writes must be JSON (same-origin.ts). */
export function asJson(headers: Headers): Headers {
  const sent = new Headers(headers);
  sent.set("content-type", "application/json");
  return sent;
}
