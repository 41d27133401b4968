import { listActions, actionListQuerySchema } from "@/server/actions/list";
import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller } from "@/server/api/authenticate";
import { parseQuery } from "@/server/api/body";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** The history of actions, newest first; `before` is the id of the last action of the page before. */
export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const query = parseQuery(request, actionListQuerySchema);
  if (query instanceof Response) return query;
  return answerActionErrors(async () => Response.json(await listActions(db(), query)));
}
