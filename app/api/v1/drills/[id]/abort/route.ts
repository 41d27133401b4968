import { z } from "zod";
import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller } from "@/server/api/authenticate";
import { parseBody } from "@/server/api/body";
import { db } from "@/server/db/client";
import { abortDrill } from "@/server/drills/operator";

export const dynamic = "force-dynamic";

const abortSchema = z.object({ reason: z.string().trim().min(3, "give a reason (at least 3 characters)").max(1000) });

/** Aborts a running drill: it restores the cluster, then ends ABORTED. Idempotent. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller(request, "operator");
  if (caller instanceof Response) return caller;
  const body = await parseBody(request, abortSchema);
  if (body instanceof Response) return body;
  const { id } = await params;
  return answerActionErrors(async () => Response.json(await abortDrill(db(), caller, id, body.reason), { status: 202 }));
}
