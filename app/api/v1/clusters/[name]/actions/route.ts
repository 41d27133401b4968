import { requestAction } from "@/server/actions/request";
import { runRequestSchema } from "@/server/actions/types";
import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller } from "@/server/api/authenticate";
import { parseBody } from "@/server/api/body";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "operator");
  if (caller instanceof Response) return caller;
  const body = await parseBody(request, runRequestSchema);
  if (body instanceof Response) return body;
  const { name } = await params;
  return answerActionErrors(async () => Response.json(await requestAction(db(), caller, name, body), { status: 202 }));
}
